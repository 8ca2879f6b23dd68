using System.Text;
using Robson.Cli.Commands.Report;
using Robson.Cli.Rendering;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Reporting;

namespace Robson.Cli.Commands.Executions;

/// <summary>Executions as tables and JSON. Every row carries the mode, so a simulation is never read as a trade.</summary>
internal static class ExecutionsRenderer
{
    public static ExecutionRowJson Row(ExecutionDetail d)
    {
        var e = d.Execution;
        return new(e.ExecutionId, e.Mode.Wire(), e.Status.Wire(), e.LiveReady, e.PlanId, e.Venue, Output.Time(e.ExecutedAt), d.Order, e.PassedGuards, e.Guards.Count,
            e.Guards.Where(g => !g.Passed).Select(g => g.Name).ToList(), d.Orders.Count, d.Fills.Count, d.Notional, d.Fees, d.Simulated, e.Error);
    }

    public static ExecutionDetailJson Detail(ExecutionDetail d)
    {
        var e = d.Execution;
        var mode = e.Mode.Wire();
        return new(e.ExecutionId, e.PlanId, e.PlanHash, e.ClientId.Value, e.Venue, mode, e.Status.Wire(), e.LiveReady, Output.Time(e.ExecutedAt), d.Order, e.Error,
            e.Guards.Select(g => new ExecutionGuardJson(mode, g.Name, g.Passed, g.Message, g.Details, g.BlocksLive, g.Code)).ToList(),
            e.Actions.Select(a => new ExecutionActionJson(mode, a.Type, a.Description, a.Details, a.Result)).ToList(),
            d.Orders.Select(o => new ExecutionOrderJson(mode, o.ClientOrderId, o.LegIndex + 1, o.Venue, o.Symbol.Value, o.Side.Wire(), o.Type.Wire(),
                o.Quantity, o.Price, o.Status.Wire, o.ExecutedQuantity, o.ExecutedNotional, o.VenueOrderId, Output.Time(o.CreatedAt))).ToList(),
            d.Fills.Select(f => new ExecutionFillJson(mode, f.ClientOrderId, f.Symbol.Value, f.Side.Wire(), f.Price, f.Quantity, f.Price * f.Quantity,
                f.Fee, f.FeeAsset, f.FeeInQuote, Output.Time(f.FilledAt))).ToList(),
            new ExecutionTotalsJson(e.Guards.Count, e.PassedGuards, e.FailedGuards, e.Actions.Count, d.Orders.Count, d.Fills.Count, d.Notional, d.Fees, d.Simulated));
    }

    public static string List(ClientId tenant, IReadOnlyList<ExecutionDetail> executions, Style style)
    {
        if (executions.Count == 0) return $"No executions for client {tenant}.\n";
        var text = new StringBuilder();
        Table(text, ["TIME (UTC)", "EXECUTION", "MODE", "STATUS", "PLAN", "ORDER", "GUARDS", "ORDERS", "FILLS", "NOTIONAL", "FEES"],
            executions.Select(d =>
            {
                var e = d.Execution;
                return new[]
                {
                    e.ExecutedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), e.ExecutionId, e.Mode.Wire(), e.Status.Wire(), e.PlanId, d.Order,
                    $"{e.PassedGuards}/{e.Guards.Count}", d.Simulated ? "-" : d.Orders.Count.ToString(), d.Simulated ? "-" : d.Fills.Count.ToString(),
                    Estimate(d, d.Notional), Estimate(d, d.Fees),
                };
            }), style);
        if (executions.Any(d => d.Simulated))
            text.AppendLine(style.Dim("DRY_RUN rows placed no order: ~ marks the simulation's estimates."));
        if (executions.Any(d => d.Execution.Status == ExecutionStatus.Blocked))
            text.AppendLine(style.Dim("A BLOCKED row sent nothing; `robson executions show ID --client-id N` lists the guards that blocked it."));
        return text.ToString();
    }

    private static string Estimate(ExecutionDetail d, decimal value) =>
        d.Execution.Status == ExecutionStatus.Blocked ? "-" : (d.Simulated ? "~" : "") + Amounts.Format(value);

    public static string Human(ExecutionDetail d, Style style)
    {
        var e = d.Execution;
        var mode = e.Mode.Wire();
        var text = new StringBuilder();
        var status = e.Status == ExecutionStatus.Success ? style.Ok("SUCCESS") : style.Bad(e.Status.Wire());
        text.AppendLine(style.Bold($"EXECUTION {e.ExecutionId}") + $": {mode}, {status}");
        text.AppendLine($"  client {e.ClientId} · plan {e.PlanId} · venue {e.Venue} · {Output.HumanTime(e.ExecutedAt)}");
        if (d.Order.Length > 0) text.AppendLine($"  order: {d.Order}");
        text.AppendLine($"  plan hash: {e.PlanHash}");
        if (e.Error is not null) text.AppendLine($"  error: {e.Error}");
        text.AppendLine(d.Simulated
            ? style.Warn("  DRY-RUN: no order was placed; figures below are the simulation's estimates.")
            : e.Status == ExecutionStatus.Blocked ? "  LIVE, blocked: no order was sent." : $"  LIVE: {d.Orders.Count} order(s) recorded.");

        text.AppendLine().AppendLine($"SAFETY CHECKS ({e.PassedGuards}/{e.Guards.Count} passed):");
        Table(text, ["MODE", "", "GUARD", "MESSAGE"],
            e.Guards.Select(g => new[] { mode, g.Passed ? "✓" : "✗", g.Name, g.Message + Extra(g.Details) }), style,
            colour: row => row[1] == "✓" ? style.Ok : style.Bad);

        if (e.Actions.Count > 0)
        {
            text.AppendLine().AppendLine("ACTIONS:");
            Table(text, ["MODE", "TYPE", "DESCRIPTION", "RESULT"], e.Actions.Select(a => new[] { mode, a.Type, a.Description, a.Result }), style);
        }
        if (d.Orders.Count > 0)
        {
            text.AppendLine().AppendLine("ORDERS:");
            Table(text, ["MODE", "CLIENT ORDER ID", "SYMBOL", "SIDE", "TYPE", "QUANTITY", "PRICE", "STATUS", "EXECUTED", "NOTIONAL", "VENUE ORDER ID"],
                d.Orders.Select(o => new[]
                {
                    mode, o.ClientOrderId, o.Symbol.Value, o.Side.Wire(), o.Type.Wire(), Amounts.Format(o.Quantity), Amounts.Format(o.Price), o.Status.Wire,
                    Amounts.Format(o.ExecutedQuantity), Amounts.Format(o.ExecutedNotional), o.VenueOrderId ?? "-",
                }), style);
        }
        if (d.Fills.Count > 0)
        {
            text.AppendLine().AppendLine("FILLS:");
            Table(text, ["MODE", "CLIENT ORDER ID", "SYMBOL", "SIDE", "QUANTITY", "PRICE", "NOTIONAL", "FEE", "FEE (QUOTE)", "TIME (UTC)"],
                d.Fills.Select(f => new[]
                {
                    mode, f.ClientOrderId, f.Symbol.Value, f.Side.Wire(), Amounts.Format(f.Quantity), Amounts.Format(f.Price),
                    Amounts.Format(f.Price * f.Quantity), $"{Amounts.Format(f.Fee)} {f.FeeAsset}", Amounts.Format(f.FeeInQuote),
                    f.FilledAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"),
                }), style);
        }

        text.AppendLine();
        text.AppendLine(e.Status == ExecutionStatus.Blocked
            ? $"TOTALS: {mode}, nothing placed."
            : $"TOTALS: {mode}, {(d.Simulated ? "simulated " : "")}notional {Amounts.Format(d.Notional)}, " +
              $"{(d.Simulated ? "estimated " : "")}fees {Amounts.Format(d.Fees)} (quote asset)" + (d.Simulated ? "" : $", {d.Fills.Count} fill(s)"));
        if (Execute.ExecutionRenderer.LiveVerdict(e, style) is { } verdict)
            text.AppendLine(verdict);
        return text.ToString();
    }

    private static string Extra(IReadOnlyDictionary<string, string> details)
    {
        var line = Output.DetailsLine(details);
        return line.Length == 0 ? "" : $" ({line})";
    }

    /// <summary>Left-aligned columns two spaces apart; <paramref name="colour"/> may paint a row's second cell.</summary>
    private static void Table(StringBuilder text, string[] header, IEnumerable<string[]> rows, Style style, Func<string[], Func<string, string>>? colour = null)
    {
        var all = rows.ToList();
        var widths = header.Select((h, i) => all.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        text.AppendLine("  " + string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in all)
            text.AppendLine("  " + string.Join("  ", row.Select((cell, i) =>
                i == 1 && colour is not null ? colour(row)(cell.PadRight(widths[i])) : cell.PadRight(widths[i]))).TrimEnd());
    }
}
