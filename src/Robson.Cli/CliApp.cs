using System.CommandLine;
using Robson.Cli.Commands.Audit;
using Robson.Cli.Commands.Execute;
using Robson.Cli.Commands.Paper;
using Robson.Cli.Commands.Plan;
using Robson.Cli.Commands.Report;
using Robson.Cli.Commands.Strategy;
using Robson.Cli.Commands.TradingState;
using Robson.Cli.Commands.Validate;
using Robson.Storage.Sql;

namespace Robson.Cli;

/// <summary>The real entry point: parse, run one command, map the outcome to an exit code in one place.</summary>
public static class CliApp
{
    public static int Run(string[] args, CliIO io)
    {
        using var context = new CliContext(io, args);
        var root = BuildRoot(context);
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
            return Usage(io, parsed.Errors[0].Message + " (see `robson --help`)");
        context.Tenant = TenantBinding.From(parsed);
        try
        {
            var code = parsed.Invoke(new InvocationConfiguration { Output = io.Out, Error = io.Err, EnableDefaultExceptionHandler = false });
            if (code != ExitCodes.Usage) context.Completed();
            return code;
        }
        catch (UsageException e)
        {
            context.UndoCreation();
            return Usage(io, e.Message);
        }
        catch (StoreUnavailableException e)
        {
            return Usage(io, e.Message);
        }
        catch (Robson.Venues.Binance.VenueConfigurationException e)
        {
            context.UndoCreation();
            return Usage(io, e.Message);
        }
        catch (Robson.Core.Ports.VenueUnavailableException e)
        {
            io.Err.WriteLine($"robson: venue unavailable: {e.Message}");
            return ExitCodes.BlockedOrFailed;
        }
        catch (System.Data.Common.DbException e)
        {
            io.Err.WriteLine($"robson: database error: {e.Message.Split('\n')[0]}");
            return ExitCodes.BlockedOrFailed;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            io.Err.WriteLine($"robson: internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            return ExitCodes.BlockedOrFailed;
        }
    }

    private static int Usage(CliIO io, string message)
    {
        io.Err.WriteLine("robson: " + message);
        return ExitCodes.Usage;
    }

    private static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "Robson turns trading intent into orders without accidents: plan -> validate -> execute (DRY-RUN by default).\n" +
            "State lives in ROBSON_HOME (default ~/.robson), or in PostgreSQL when ROBSON_DATABASE_URL is set (see `robson db --help`).\n" +
            "Exit codes: 0 success, 1 blocked/failed, 2 usage or input error.");
        root.Subcommands.Add(StrategyCommand.Build(context));
        root.Subcommands.Add(PlanCommand.Build(context));
        root.Subcommands.Add(PlansCommand.Build(context));
        root.Subcommands.Add(ValidateCommand.Build(context));
        root.Subcommands.Add(ExecuteCommand.Build(context));
        root.Subcommands.Add(PaperCommand.Build(context));
        foreach (var command in TradingStateCommands.Build(context))
            root.Subcommands.Add(command);
        root.Subcommands.Add(Commands.Venue.VenueCommand.Build(context));
        root.Subcommands.Add(Commands.Reconcile.ReconcileCommand.Build(context));
        root.Subcommands.Add(Commands.Reconcile.ReconcileCommand.BuildOrders(context));
        root.Subcommands.Add(Commands.Protect.ProtectCommand.Build(context));
        root.Subcommands.Add(ReportCommand.Build(context));
        root.Subcommands.Add(AuditCommand.Build(context));
        root.Subcommands.Add(Commands.Executions.ExecutionsCommand.Build(context));
        root.Subcommands.Add(Commands.Fills.FillsCommand.Build(context));
        root.Subcommands.Add(Commands.Db.DbCommand.Build(context));
        return root;
    }
}
