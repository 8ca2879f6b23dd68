using System.Text;
using Robson.Cli.Rendering;
using Robson.Core.Domain;
using Robson.Core.Reporting;

namespace Robson.Cli.Commands.Report;

/// <summary>
/// The report: headline (and a line per venue), a table by venue and symbol (and by day for a period), a bar per limit
/// as each venue's orders are judged (paper alone, real venues together), then the attempts.
/// </summary>
internal static class ReportRenderer
{
    public static ReportJson ToJson(DailyReport r) => new(
        r.ClientId.Value, r.SingleDay ? Amounts.Day(r.From) : null, r.Orders, r.Notional, r.RealisedPnl, r.RealisedLoss,
        r.Symbols.Where(s => s.Realised).Select(s => new SymbolPnlJson(s.Venue, s.Symbol.Value, s.RealisedPnl)).ToList(),
        ToJson(r.Limits), Amounts.Day(r.From), Amounts.Day(r.To), r.Fills, r.Fees, ToJson(r.Symbols), ToJson(r.Days),
        new ValidationTallyJson(r.Validations.Passed, r.Validations.Warned, r.Validations.Failed, r.Validations.Total),
        r.Executions.Select(e => new ExecutionTallyJson(e.Mode.Wire(), e.Succeeded, e.Failed, e.Blocked, e.Total)).ToList(),
        new BlockedAttemptsJson(r.Blocked.Total, r.Blocked.Live, r.Blocked.DryRun, r.Blocked.ByGuard.Select(g => new GuardBlockJson(g.Guard, g.Count)).ToList()),
        r.Venue, r.Venues.Select(v => new VenueReportJson(v.Venue, v.Real, v.Orders, v.Notional, v.Fills, v.Fees, v.RealisedPnl, v.RealisedLoss,
            ToJson(v.Symbols), ToJson(v.Days), v.Limits.Scope.Name, [.. v.Limits.Venues], ToJson(v.Limits.Strategies))).ToList(),
        Status.TradingStateText.Json(r.Trading));

    public static List<StrategyLimitsJson> ToJson(IReadOnlyList<StrategyLimits> limits) =>
        limits.Select(l => new StrategyLimitsJson(l.Strategy.Id, l.Strategy.Name, l.Strategy.Version, l.Limits.Select(ToJson).ToList())).ToList();

    private static List<SymbolActivityJson> ToJson(IReadOnlyList<SymbolActivity> symbols) =>
        symbols.Select(s => new SymbolActivityJson(s.Venue, s.Symbol.Value, s.Orders, s.Notional, s.Fills, s.BoughtQuantity, s.SoldQuantity, s.Fees,
            s.RealisedPnl)).ToList();

    private static List<DayActivityJson> ToJson(IReadOnlyList<DayActivity> days) =>
        days.Select(d => new DayActivityJson(Amounts.Day(d.Day), d.Orders, d.Notional, d.Fills, d.Fees, d.RealisedPnl)).ToList();

    private static LimitUsageJson ToJson(LimitUsage l) => new(l.Limit, l.Used, l.Max,
        $"{Decimals.Canonical(l.Used)}/{(l.Max is { } max ? Decimals.Canonical(max) : "-")}",
        l.Ratio is { } ratio ? Math.Round(ratio * 100m, 1) : null, Amounts.Day(l.Day), l.Scope.Name);

    public static string Human(DailyReport r, Style style)
    {
        var text = new StringBuilder();
        var period = r.SingleDay ? $"{Amounts.Day(r.From)} (UTC)" : $"{Amounts.Day(r.From)} to {Amounts.Day(r.To)} (UTC, {r.Days.Count} days)";
        text.AppendLine(style.Bold($"REPORT: client {r.ClientId}, {period}" + (r.Venue is { } venue ? $", venue {venue}" : "")));
        // The kill switch as it is now, whatever the period: after an automatic halt the report is where a trader looks first.
        text.AppendLine($"TRADING (now): {Status.TradingStateText.Line(r.Trading, style)}");
        text.AppendLine($"LIVE: {Figures(r.Orders, r.Notional, r.Fills, r.Fees, r.RealisedPnl, style)} (average cost, fees included" +
                        (r.Venues.Count > 1 ? "; each venue on its own book, added up)" : ")"));
        if (r.Venues.Count > 1)
        {
            var width = r.Venues.Max(b => Describe(b).Length) + 1;
            foreach (var book in r.Venues)
                text.AppendLine($"  {(Describe(book) + ":").PadRight(width)} {Figures(book.Orders, book.Notional, book.Fills, book.Fees, book.RealisedPnl, style)}");
        }
        text.AppendLine();

        if (r.Symbols.Count == 0)
            text.AppendLine("  No LIVE orders or fills.");
        else
            Table(text, ["VENUE", "SYMBOL", "ORDERS", "NOTIONAL", "FILLS", "BOUGHT", "SOLD", "FEES", "REALISED P&L"],
                r.Symbols.Select(s => new[]
                {
                    s.Venue, s.Symbol.Value, s.Orders.ToString(), Amounts.Format(s.Notional), s.Fills.ToString(), Amounts.Format(s.BoughtQuantity),
                    Amounts.Format(s.SoldQuantity), Amounts.Format(s.Fees), s.Realised ? Amounts.Format(s.RealisedPnl) : "-",
                }).Append(["TOTAL", "", r.Orders.ToString(), Amounts.Format(r.Notional), r.Fills.ToString(), "", "", Amounts.Format(r.Fees),
                    Amounts.Format(r.RealisedPnl)]));

        var activeDays = r.Days.Where(d => d.Orders > 0 || d.Fills > 0).ToList();
        if (!r.SingleDay && activeDays.Count > 0)
        {
            text.AppendLine();
            Table(text, ["DAY", "VENUE", "ORDERS", "NOTIONAL", "FILLS", "FEES", "REALISED P&L"],
                r.Days.SelectMany((_, i) => r.Venues.Select(v => (v.Venue, Day: v.Days[i])))
                    .Where(x => x.Day.Orders > 0 || x.Day.Fills > 0)
                    .Select(x => new[] { Amounts.Day(x.Day.Day), x.Venue, x.Day.Orders.ToString(), Amounts.Format(x.Day.Notional), x.Day.Fills.ToString(),
                        Amounts.Format(x.Day.Fees), Amounts.Format(x.Day.RealisedPnl) }));
            if (activeDays.Count < r.Days.Count) text.AppendLine(style.Dim($"  ({r.Days.Count - activeDays.Count} day(s) without LIVE activity not shown)"));
        }

        text.AppendLine();
        if (r.Limits.Count == 0)
            text.AppendLine("LIMITS: no strategies, so no limits.");
        foreach (var scope in r.LimitScopes)
        foreach (var strategy in scope.Strategies)
        {
            text.AppendLine($"LIMITS of strategy {strategy.Strategy.Id} '{strategy.Strategy.Name}' (v{strategy.Strategy.Version}) {Counted(scope)}" +
                            (r.SingleDay ? ":" : ", busiest day of the period:"));
            foreach (var limit in strategy.Limits)
            {
                var usage = $"{Amounts.Format(limit.Used)}/{Amounts.Format(limit.Max)}";
                var percent = limit.Ratio is { } ratio ? $"{Math.Round(ratio * 100m, 0),4}%" : "";
                text.AppendLine($"  {limit.Limit,-9} {usage,-24} {Bar(limit, style)} {percent}" + (r.SingleDay ? "" : $"  {Amounts.Day(limit.Day)}"));
            }
        }

        text.AppendLine();
        var v = r.Validations;
        text.AppendLine($"VALIDATIONS: {style.Ok($"{v.Passed} passed")} · {(v.Warned > 0 ? style.Warn($"{v.Warned} warned") : $"{v.Warned} warned")} · " +
                        (v.Failed > 0 ? style.Bad($"{v.Failed} failed") : $"{v.Failed} failed"));
        text.AppendLine("EXECUTIONS:  " + string.Join(" · ", r.Executions.Select(e =>
            $"{(e.Mode == ExecutionMode.Live ? "LIVE" : "DRY-RUN")} {e.Total}" +
            (e.Total == 0 ? "" : $" ({e.Succeeded} succeeded, {e.Failed} failed, {e.Blocked} blocked)"))));
        text.AppendLine(r.Blocked.Total == 0
            ? "BLOCKED:     none"
            : $"BLOCKED:     {style.Bad($"{r.Blocked.Total} attempt(s)")} ({r.Blocked.Live} LIVE, {r.Blocked.DryRun} DRY-RUN); by guard: " +
              string.Join(" · ", r.Blocked.ByGuard.Select(g => $"{g.Guard} {g.Count}")));
        return text.ToString();
    }

    private static string Describe(VenueActivity v) => $"{v.Venue} ({(v.Real ? "real" : "simulated")})";

    private static string Figures(int orders, decimal notional, int fills, decimal fees, decimal pnl, Style style) =>
        $"{orders} order(s) · notional {Amounts.Format(notional)} · {fills} fill(s) · fees {Amounts.Format(fees)} · realised P&L {Pnl(pnl, style)}";

    /// <summary>Whose activity the limits count: the paper venue alone, or every real venue together.</summary>
    private static string Counted(ScopeLimits scope) => scope.Scope.Real == true
        ? $"on real venues ({string.Join(", ", scope.Venues)}, together)"
        : "on the paper venue (paper only)";

    internal static string Pnl(decimal pnl, Style style) =>
        pnl > 0 ? style.Ok(Amounts.Format(pnl)) : pnl < 0 ? style.Bad(Amounts.Format(pnl)) : Amounts.Format(pnl);

    /// <summary>First column left-aligned, the rest right-aligned, two spaces apart.</summary>
    internal static void Table(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(row => row[i].Length)).ToArray();
        foreach (var row in all)
            text.AppendLine("  " + string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
    }

    internal static string Bar(LimitUsage limit, Style style)
    {
        if (limit.Ratio is not { } ratio) return style.Dim("(not set)".PadRight(22));
        var filled = (int)Math.Round(Math.Min(1m, ratio) * 20m);
        var bar = "[" + new string('#', filled) + new string('.', 20 - filled) + "]";
        return ratio >= 1m ? style.Bad(bar) : ratio >= 0.8m ? style.Warn(bar) : style.Ok(bar);
    }
}
