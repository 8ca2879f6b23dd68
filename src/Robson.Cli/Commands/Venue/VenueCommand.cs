using System.CommandLine;
using Robson.Core.Domain;
using Robson.Core.Ports;
using Robson.Core.UseCases;
using Robson.Venues.Binance;

namespace Robson.Cli.Commands.Venue;

/// <summary><c>robson venue add|list|show|remove</c>: a tenant's exchanges (the paper venue needs none of this).</summary>
public static class VenueCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("venue",
            "Configure where LIVE orders go: Binance Spot, its testnet, or any Binance-compatible base URL. API key and secret come\n" +
            "from ROBSON_<VENUE>_API_KEY / ROBSON_<VENUE>_API_SECRET (venue name upper-cased, other characters as _) or from a\n" +
            "--credentials-file readable only by its owner (lines api_key=... and api_secret=...). They are loaded only for LIVE\n" +
            "execution and reconcile, and never printed, logged or stored.");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Remove(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "Venue name, used by `plan --venue NAME` (letters, digits, - and _)." };
        var kind = new Option<string>("--kind") { Description = "binance | binance-testnet | binance-compatible. Required." };
        var baseUrl = new Option<string>("--base-url") { Description = "Base URL (default for binance and binance-testnet; required for binance-compatible)." };
        var clientId = CommonOptions.ClientId();
        var credentials = new Option<string>("--credentials-file") { Description = "File with api_key= and api_secret= lines, mode 600." };
        var json = CommonOptions.Json();
        var command = new Command("add", "Add a venue for the tenant.") { name, kind, baseUrl, clientId, credentials, json };
        command.SetAction(result =>
        {
            var venueName = VenueName(result.GetValue(name));
            var tenant = Inputs.ClientId(result, clientId);
            var kindText = result.GetValue(kind) ?? throw new UsageException("--kind is required (binance, binance-testnet, binance-compatible)");
            var file = result.GetValue(credentials) is { } path ? Path.GetFullPath(path) : null;
            if (file is not null) CredentialLoader.FromFile(venueName, file); // refuses a missing, malformed or too-open file now
            var outcome = new ManageVenues(context.Environment(create: true)).Add(tenant, venueName, kindText, result.GetValue(baseUrl), file);
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            if (result.GetValue(json))
            {
                Rendering.Output.Json(context.IO, new VenueChangeJson(tenant.Value, "added", Json(outcome.Value!)), VenueJsonContext.Default.VenueChangeJson);
                return ExitCodes.Success;
            }
            context.IO.Out.WriteLine($"Added venue '{venueName}' ({kindText}, {outcome.Value!.BaseUrl}) for client {tenant}.");
            context.IO.Out.WriteLine(file is null
                ? $"Credentials: set {CredentialLoader.VariablePrefix(venueName)}API_KEY and {CredentialLoader.VariablePrefix(venueName)}API_SECRET for LIVE."
                : "Credentials: from the file given (checked: readable by its owner only).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var command = new Command("list", "List the tenant's venues (paper is always there).") { clientId, json };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var venues = context.Environment(create: false).Store.ListVenues(tenant);
            if (result.GetValue(json))
            {
                var paper = new VenueJson("paper", "paper", "", "none", null, [], null);
                Rendering.Output.Json(context.IO, new VenueListJson(tenant.Value, venues.Select(Json).Prepend(paper).ToList()), VenueJsonContext.Default.VenueListJson);
                return ExitCodes.Success;
            }
            context.IO.Out.WriteLine($"{"NAME",-16} {"KIND",-19} BASE URL");
            context.IO.Out.WriteLine($"{"paper",-16} {"paper",-19} (local simulated exchange, the default)");
            foreach (var v in venues)
                context.IO.Out.WriteLine($"{v.Name,-16} {v.Kind,-19} {v.BaseUrl}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var name = new Argument<string>("NAME");
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var command = new Command("show", "Show a venue: URL, where credentials come from, rate-limit state.") { name, clientId, json };
        command.SetAction(result =>
        {
            var venueName = VenueName(result.GetValue(name));
            var tenant = Inputs.ClientId(result, clientId);
            var store = context.Environment(create: false).Store;
            var venue = store.FindVenue(tenant, venueName) ?? throw new UsageException($"venue '{venueName}' not found for client {tenant}", ErrorCodes.NotFound);
            var limits = store.GetVenueLimits(venue.BaseUrl);
            var prefix = CredentialLoader.VariablePrefix(venue.Name);
            var io = context.IO;
            var blocked = limits.BlockedUntil is { } until && until > io.Time.GetUtcNow();
            if (result.GetValue(json))
            {
                Rendering.Output.Json(io, new VenueShowJson(tenant.Value, Json(venue), io.GetEnvironmentVariable(prefix + "API_KEY") is { Length: > 0 },
                    limits.UsedWeight, blocked ? Rendering.Output.Time(limits.BlockedUntil!.Value) : null, blocked ? limits.Reason : null,
                    store.UnresolvedOrders(tenant, venue.Name).Count), VenueJsonContext.Default.VenueShowJson);
                return ExitCodes.Success;
            }
            io.Out.WriteLine($"Venue {venue.Name} (client {tenant})");
            io.Out.WriteLine($"  kind: {venue.Kind}");
            io.Out.WriteLine($"  base_url: {venue.BaseUrl}");
            io.Out.WriteLine($"  credentials: {(venue.CredentialsFile is { } f ? "file " + f : $"environment {prefix}API_KEY / {prefix}API_SECRET")}" +
                             $" ({(io.GetEnvironmentVariable(prefix + "API_KEY") is { Length: > 0 } ? "key variable set" : "key variable not set")})");
            io.Out.WriteLine($"  used weight (last seen): {limits.UsedWeight?.ToString() ?? "-"}");
            io.Out.WriteLine($"  blocked until: {(blocked ? $"{limits.BlockedUntil:yyyy-MM-dd HH:mm:ss} UTC ({limits.Reason})" : "-")}");
            io.Out.WriteLine($"  unresolved orders: {store.UnresolvedOrders(tenant, venue.Name).Count}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var name = new Argument<string>("NAME");
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var command = new Command("remove", "Remove a venue (refused while it has open or unresolved orders).") { name, clientId, json };
        command.SetAction(result =>
        {
            var venueName = VenueName(result.GetValue(name));
            var tenant = Inputs.ClientId(result, clientId);
            var env = context.Environment(create: false);
            var removed = env.Store.FindVenue(tenant, venueName);
            var outcome = new ManageVenues(env).Remove(tenant, venueName);
            if (outcome.IsError) throw new UsageException(outcome.InputError!, removed is null ? ErrorCodes.NotFound : ErrorCodes.InvalidInput);
            if (result.GetValue(json))
            {
                Rendering.Output.Json(context.IO, new VenueChangeJson(tenant.Value, "removed", Json(removed!)), VenueJsonContext.Default.VenueChangeJson);
                return ExitCodes.Success;
            }
            context.IO.Out.WriteLine($"Removed venue '{venueName}' for client {tenant}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static VenueJson Json(VenueConfig venue)
    {
        var prefix = CredentialLoader.VariablePrefix(venue.Name);
        return new VenueJson(venue.Name, venue.Kind, venue.BaseUrl, venue.CredentialsFile is null ? "environment" : "file", venue.CredentialsFile,
            venue.CredentialsFile is null ? [prefix + "API_KEY", prefix + "API_SECRET"] : [], Rendering.Output.Time(venue.CreatedAt));
    }

    private static string VenueName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new UsageException($"venue name must be 1-32 letters, digits, - or _, got '{text}'");
        if (string.Equals(text, "paper", StringComparison.OrdinalIgnoreCase))
            throw new UsageException("'paper' is the built-in paper venue and cannot be added or removed");
        return text;
    }
}
