using System.CommandLine;
using Robson.Storage.Sql;

namespace Robson.Cli;

/// <summary>The real entry point: parse, run one command, map the outcome to an exit code in one place.</summary>
public static class CliApp
{
    public static int Run(string[] args, CliIO io)
    {
        var errors = new ErrorReport(io, io.JsonErrors || ErrorReport.Requested(args));
        using var context = new CliContext(io, args) { Errors = errors };
        var root = CommandTable.Build(context, args.Length > 0 ? args[0] : null, help: args.Length == 0 || args.Any(IsHelp));
        var configuration = new ParserConfiguration { ResponseFileTokenReplacer = null };
        var invocation = new InvocationConfiguration { Output = io.Out, Error = io.Err, EnableDefaultExceptionHandler = false };
        var parsed = root.Parse(args, configuration);
        if (ParseDiagnostics.IsBareGroup(root, args) || parsed.Errors.Count > 0 || ParseDiagnostics.UnknownOption(parsed) is not null)
        {
            // Help and suggestions need the full root: every command, and the help and version options.
            var full = root as RootCommand ?? CommandTable.Build(context);
            if (ParseDiagnostics.IsBareGroup(full, args))
                return full.Parse([.. args, "--help"], configuration).Invoke(invocation);
            var fullParse = full.Parse(args, configuration);
            if (fullParse.Errors.Count == 0 && ParseDiagnostics.UnknownOption(fullParse) is null)
                return fullParse.Invoke(invocation); // e.g. `robson --version extra`: what the full root accepts
            var error = ParseDiagnostics.Explain(fullParse, full, args);
            return errors.Write(error.Code, error.Message, ExitCodes.Usage);
        }
        context.Tenant = TenantBinding.From(parsed);
        // Under --json the document carries client_id, and stderr stays empty.
        if (!errors.Json && TenantBinding.FromEnvironment(parsed) is { } tenant && parsed.Action is not System.CommandLine.Help.HelpAction
            && Robson.Core.Domain.ClientId.Parse(tenant).Success)
            io.Err.WriteLine($"robson: client {tenant} (from {CommonOptions.ClientIdVariable})"); // acting as a tenant nobody typed: say so
        try
        {
            var code = parsed.Invoke(invocation);
            if (code != ExitCodes.Usage) context.Completed();
            return code;
        }
        catch (UsageException e)
        {
            context.UndoCreation();
            return errors.Write(e.Code, e.Message, ExitCodes.Usage);
        }
        catch (StoreUnavailableException e)
        {
            return errors.Write(ErrorCodes.StoreUnavailable, e.Message, ExitCodes.Usage);
        }
        catch (Robson.Venues.Binance.VenueConfigurationException e)
        {
            context.UndoCreation();
            return errors.Write(ErrorCodes.VenueConfiguration, e.Message, ExitCodes.Usage);
        }
        catch (Robson.Core.Ports.VenueUnavailableException e)
        {
            return errors.Write(ErrorCodes.VenueUnavailable, $"venue unavailable: {e.Message}", ExitCodes.BlockedOrFailed);
        }
        catch (System.Data.Common.DbException e)
        {
            return errors.Write(ErrorCodes.DatabaseError, $"database error: {e.Message.Split('\n')[0]}", ExitCodes.BlockedOrFailed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return errors.Write(ErrorCodes.InternalError, $"internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]}", ExitCodes.BlockedOrFailed);
        }
    }

    private static bool IsHelp(string arg) => arg is "-h" or "--help" or "-?" or "/h" or "/?";
}
