using System.CommandLine;
using System.Globalization;
using Robson.Cli.Rendering;

namespace Robson.Cli.Commands.Fills;

/// <summary>
/// <c>robson fills export --client-id N [--from DAY] [--to DAY] [--venue NAME] [--format csv|jsonl] [--output FILE [--force]] [--json]</c>:
/// every LIVE fill of the tenant for accounting (read-only). LIVE fills on the paper venue are included, with their venue
/// named so they can be filtered; DRY-RUN never records fills, so none is ever exported.
/// </summary>
public static class FillsCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("fills", "The tenant's LIVE fills.");
        command.Subcommands.Add(BuildExport(context));
        return command;
    }

    private static Command BuildExport(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var from = new Option<string>("--from") { Description = "First UTC day, YYYY-MM-DD (inclusive). Default: the first fill." };
        var to = new Option<string>("--to") { Description = "Last UTC day, YYYY-MM-DD (inclusive). Default: the last fill." };
        var venue = new Option<string>("--venue") { Description = "Only this venue's fills (paper included by default). Default: every venue." };
        var format = new Option<string>("--format") { Description = "csv (default: RFC 4180 with a header row) or jsonl (one JSON object per line)." };
        var output = new Option<string>("--output") { Description = "Write to FILE (mode 0600, all or nothing: a temporary file is renamed into place). Default: stdout." };
        var force = new Option<bool>("--force") { Description = "With --output: replace FILE if it exists." };
        var json = new Option<bool>("--json") { Description = "With --output: print a JSON summary of the file written (path, rows, format, from, to)." };
        var command = new Command("export",
            "Export every LIVE fill, oldest first: time, venue, symbol, side, price, quantity, fee, fee_asset, fee_in_quote,\n" +
            "order_id (Robson's client order id), venue_order_id, trade_id. Amounts are exact, as stored.")
        {
            clientId, from, to, venue, format, output, force, json,
        };
        command.SetAction(result =>
        {
            // Every input is checked before the store is read or a file is created, so refused input writes nothing.
            var kind = (result.GetValue(format) ?? "csv").Trim().ToLowerInvariant();
            if (kind is not ("csv" or "jsonl"))
                throw new UsageException($"--format must be csv or jsonl, got '{result.GetValue(format)}'");
            var tenant = Inputs.ClientId(result, clientId);
            var first = Inputs.OptionalDay(result, from);
            var last = Inputs.OptionalDay(result, to);
            if (first is { } f && last is { } l && l < f)
                throw new UsageException($"--to {l.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is before --from {f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            var venueName = result.GetValue(venue);
            if (venueName is not null && string.IsNullOrWhiteSpace(venueName))
                throw new UsageException("--venue needs a venue name");
            var asJson = result.GetValue(json);
            var path = result.GetValue(output);
            if (path is null && asJson)
                throw new UsageException("--json prints a summary of the file --output writes; without --output the export itself goes to stdout (--format jsonl for JSON lines)");
            if (path is null && result.GetValue(force))
                throw new UsageException("--force applies to --output only");
            var target = path is null ? null : ExportFile.CheckTarget(path, result.GetValue(force));

            var env = context.Environment(create: false);
            var store = env.Store;
            // A venue removed since keeps its fills; a name never used is a typo, not an empty export.
            if (venueName is not null && env.Venues.Find(tenant, venueName) is null && !store.VenuesWithOrders(tenant).Contains(venueName))
                throw new UsageException($"unknown venue '{venueName}' for client {tenant} (see `robson venue list`)");
            // Venue names match in any case (PAPER is paper); fills store the venue's own spelling.
            if (venueName is not null && env.Venues.Find(tenant, venueName) is { } found) venueName = found.Name;
            var lines = store.ExportFills(tenant, first, last, venueName);
            Func<TextWriter, int> write = kind == "csv" ? w => FillsExportFile.WriteCsv(w, lines) : w => FillsExportFile.WriteJsonl(w, lines);
            if (target is null)
            {
                write(context.IO.Out);
                return ExitCodes.Success;
            }
            var rows = ExportFile.WriteAtomically(target, result.GetValue(force), write);
            var summary = new FillsExportJson(target, rows, kind, first?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), venueName, tenant.Value);
            if (asJson)
                Output.Json(context.IO, summary, FillsJsonContext.Default.FillsExportJson);
            else
                context.IO.Out.WriteLine($"Exported {rows} LIVE fill(s) of client {tenant} ({summary.From ?? "first"} to {summary.To ?? "last"}, " +
                                         $"{venueName ?? "every venue"}) to {target} ({kind}).");
            return ExitCodes.Success;
        });
        return command;
    }
}
