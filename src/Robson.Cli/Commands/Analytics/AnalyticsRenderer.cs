using System.Text;
using Robson.Cli.Commands.Report;
using Robson.Cli.Rendering;
using Robson.Core.Domain;

namespace Robson.Cli.Commands.Analytics;

/// <summary>The analytics document (<c>--json</c>) and its plain-text form, one section per series.</summary>
public static class AnalyticsRenderer
{
    public static AnalyticsJson ToJson(Core.Reporting.Analytics a) => new(
        a.ClientId.Value, Amounts.Day(a.From), Amounts.Day(a.To), a.Venue,
        a.PnlByDay.Select(r => new PnlDayJson(Amounts.Day(r.Day), r.Venue, r.RealisedPnl, r.Fees)).ToList(),
        a.NotionalByDay.Select(r => new NotionalDayJson(Amounts.Day(r.Day), r.Venue, r.Notional, r.MaxNotional)).ToList(),
        a.BlocksByGuardByDay.Select(r => new GuardBlocksDayJson(Amounts.Day(r.Day), r.Guard, r.Blocks)).ToList(),
        a.ValidationsByDay.Select(r => new ValidationDayJson(Amounts.Day(r.Day), r.Passed, r.Warned, r.Failed)).ToList(),
        a.Slippage.Select(r => new SlippageJson(JsonTime(r.ExecutedAt), r.Venue, r.Symbol.Value, r.Side.Wire(), r.ClientOrderId, r.AveragePrice, r.Mid, r.SlippageBps)).ToList());

    public static string Human(Core.Reporting.Analytics a)
    {
        var text = new StringBuilder();
        text.AppendLine($"ANALYTICS — client {a.ClientId}, {Amounts.Day(a.From)} to {Amounts.Day(a.To)} (UTC){(a.Venue is null ? "" : $", venue {a.Venue}")}");
        Section(text, "Realised P&L by day", a.PnlByDay.Select(r => $"{Amounts.Day(r.Day)}  {r.Venue}: P&L {Amounts.Format(r.RealisedPnl)}, fees {Amounts.Format(r.Fees)}"));
        Section(text, "LIVE notional by day (against the daily limit)",
            a.NotionalByDay.Select(r => $"{Amounts.Day(r.Day)}  {r.Venue}: {Amounts.Format(r.Notional)} of {Amounts.Format(r.MaxNotional)}"));
        Section(text, "Blocked LIVE attempts by guard", a.BlocksByGuardByDay.Select(r => $"{Amounts.Day(r.Day)}  {r.Guard}: {r.Blocks}"));
        Section(text, "Validations by day", a.ValidationsByDay.Select(r => $"{Amounts.Day(r.Day)}  passed {r.Passed}, warned {r.Warned}, failed {r.Failed}"));
        Section(text, "Slippage against the mid at send (bps; positive: worse than the mid)", a.Slippage.GroupBy(s => s.Venue).Select(g =>
            $"{g.Key}: {g.Count()} fills, average {Amounts.Format(Math.Round(g.Average(s => s.SlippageBps), 2))}, worst {Amounts.Format(g.Max(s => s.SlippageBps))}"));
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        text.AppendLine().AppendLine(title.ToUpperInvariant() + ":");
        var any = false;
        foreach (var line in lines)
        {
            text.AppendLine("  " + line);
            any = true;
        }
        if (!any) text.AppendLine("  (none in this period)");
    }

    private static string JsonTime(DateTimeOffset time) => time.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
