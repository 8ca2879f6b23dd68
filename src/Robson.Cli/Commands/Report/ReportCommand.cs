using System.CommandLine;
using Robson.Cli.Rendering;
using Robson.Core.Reporting;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Report;

/// <summary><c>robson report --client-id N [--day YYYY-MM-DD] [--json]</c></summary>
public static class ReportCommand
{
    public static Command Build(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var day = new Option<string>("--day") { Description = "UTC day as YYYY-MM-DD (default: today)." };
        var json = CommonOptions.Json();
        var command = new Command("report", "Show a day's LIVE orders, notional and realised P&L against each strategy's daily limits.") { clientId, day, json };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var date = Inputs.OptionalDay(result, day);
            var report = new BuildDailyReport(context.Environment(create: false)).Execute(tenant, date);
            if (result.GetValue(json)) Output.Json(context.IO, ToJson(report), c => c.ReportJson);
            else context.IO.Out.Write(Human(report, new Style(context.IO.UseColour)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static List<LimitUsageJson> Limits(DailyReport r, Core.Strategies.Strategy s) =>
    [
        new("orders", r.Orders, s.Settings.MaxOrdersPerDay),
        new("notional", r.Notional, s.Settings.MaxNotionalPerDay),
        new("loss", r.RealisedLoss, s.Settings.MaxLossPerDay),
    ];

    private static ReportJson ToJson(DailyReport r) => new(
        r.ClientId.Value, r.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Orders, r.Notional, r.RealisedPnl, r.RealisedLoss,
        r.RealisedPnlBySymbol.OrderBy(p => p.Key.Value, StringComparer.Ordinal).Select(p => new SymbolPnlJson(p.Key.Value, p.Value)).ToList(),
        r.Strategies.Select(s => new StrategyLimitsJson(s.Id, s.Name, s.Version, Limits(r, s))).ToList());

    private static string Human(DailyReport r, Style style)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"DAILY REPORT: client {r.ClientId}, {r.Day:yyyy-MM-dd} (UTC), LIVE activity");
        text.AppendLine($"  Orders:        {r.Orders}");
        text.AppendLine($"  Notional:      {Output.Dec(Math.Round(r.Notional, 8))}");
        text.AppendLine($"  Realised P&L:  {Output.Dec(Math.Round(r.RealisedPnl, 8))} (fees included)");
        foreach (var (symbol, pnl) in r.RealisedPnlBySymbol.OrderBy(p => p.Key.Value, StringComparer.Ordinal))
            text.AppendLine($"    {symbol,-10} {Output.Dec(Math.Round(pnl, 8))}");
        if (r.Strategies.Count == 0)
            text.AppendLine("  No strategies, so no limits.");
        foreach (var s in r.Strategies)
        {
            text.AppendLine($"  Limits of strategy {s.Id} '{s.Name}' (v{s.Version}):");
            foreach (var limit in Limits(r, s))
                text.AppendLine($"    {limit.Limit,-9} {Output.Dec(Math.Round(limit.Used, 8)),14} / {Output.Dec(limit.Max),-12} {Bar(limit.Used, limit.Max, style)}");
        }
        return text.ToString();
    }

    private static string Bar(decimal used, decimal? max, Style style)
    {
        if (max is not > 0) return style.Dim("(not set)");
        var ratio = Math.Min(1m, used / max.Value);
        var filled = (int)Math.Round(ratio * 20m);
        var bar = "[" + new string('#', filled) + new string('.', 20 - filled) + "]";
        return ratio >= 1m ? style.Bad(bar) : ratio >= 0.8m ? style.Warn(bar) : style.Ok(bar);
    }
}
