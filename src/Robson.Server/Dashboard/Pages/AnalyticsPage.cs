using System.Text.Json;
using Robson.Server.Dashboard.Charts;

namespace Robson.Server.Dashboard.Pages;

/// <summary>Charts of GET /v1/analytics, drawn on the server as SVG; each one's data downloadable as CSV.</summary>
public static class AnalyticsPage
{
    public sealed record Chart(string Name, string Series, string Title, string[] Columns);

    public static readonly Chart[] Charts =
    [
        new("pnl", "pnl_by_day", "Realised P&L by day", ["day", "venue", "realised_pnl", "fees"]),
        new("notional", "notional_by_day", "LIVE notional by day against the daily limit", ["day", "venue", "notional", "max_notional"]),
        new("blocks", "blocks_by_guard_by_day", "Blocked LIVE attempts by guard by day", ["day", "guard", "blocks"]),
        new("validations", "validations_by_day", "Validation outcomes by day", ["day", "passed", "warned", "failed"]),
        new("slippage", "slippage", "Fill price against the mid at send time (slippage, bps) by venue",
            ["executed_at", "venue", "symbol", "side", "client_order_id", "average_price", "mid", "slippage_bps"]),
    ];

    public static Markup Render(JsonElement? analytics, IReadOnlyList<(string Name, string? Value)> period, string? error)
    {
        string? Given(string name) => period.FirstOrDefault(p => p.Name == name).Value;
        var form = Markup.Of($"""
            <form id="period" class="filters" method="get" action="/analytics">
              <label>From (UTC day)<input type="date" name="from" value="{analytics?.Text("from") ?? Given("from") ?? ""}"></label>
              <label>To (UTC day)<input type="date" name="to" value="{analytics?.Text("to") ?? Given("to") ?? ""}"></label>
              <label>Venue<input name="venue" value="{Given("venue") ?? ""}" placeholder="every venue"></label>
              <div><button type="submit">Show</button></div>
            </form>
            """);
        if (analytics is not { } a)
            return Markup.Of($"""<h1>Analytics</h1>{form}<p id="error" class="alert" role="alert">{error}</p>""");
        var query = $"from={a.Text("from")}&to={a.Text("to")}" + (Given("venue") is { } v ? $"&venue={Uri.EscapeDataString(v)}" : "");
        return Markup.Of($"""
            <h1>Analytics <span class="muted">{a.Text("from")} to {a.Text("to")}</span></h1>
            {form}
            <div class="grid">
            {Charts.Select(c => Markup.Of($"""
                <section class="card"><figure data-chart="{c.Name}">
                  <figcaption><span>{c.Title}</span><a class="csv" href="/analytics/{c.Name}.csv?{query}" download>CSV</a></figcaption>
                  {Draw(c, a.Field(c.Series)).Render()}
                </figure></section>
                """))}
            </div>
            """);
    }

    private static BarChart Draw(Chart chart, JsonElement rows)
    {
        var items = rows.ValueKind == JsonValueKind.Array ? rows.EnumerateArray().ToList() : [];
        var id = "chart-" + chart.Name;
        switch (chart.Name)
        {
            case "pnl":
            {
                var days = Days(items);
                return new BarChart(id, chart.Title, "Realised P&L of each UTC day, every venue added up; the CSV has it per venue with fees.", days,
                    [new BarSeries("realised P&L", days.Select(d => (decimal?)items.Where(r => r.Text("day") == d).Sum(r => r.Number("realised_pnl") ?? 0)).ToList())], false);
            }
            case "notional":
            {
                var days = Days(items);
                var venues = items.Select(r => r.Text("venue")).Distinct().Order().ToList();
                return new BarChart(id, chart.Title, "LIVE notional of each day per venue; the dashed line is the tightest daily notional limit of the strategies now (real venues count together against it).", days,
                    venues.Select(v => new BarSeries(v,
                        days.Select(d => items.FirstOrDefault(r => r.Text("day") == d && r.Text("venue") == v) is { ValueKind: JsonValueKind.Object } r ? r.Number("notional") : null).ToList(),
                        days.Select(d => items.FirstOrDefault(r => r.Text("day") == d && r.Text("venue") == v) is { ValueKind: JsonValueKind.Object } r ? r.Number("max_notional") : null).ToList()))
                    .ToList(), false);
            }
            case "blocks":
            {
                var days = Days(items);
                var guards = items.Select(r => r.Text("guard")).Distinct().Order().ToList();
                return new BarChart(id, chart.Title, "Blocked LIVE executions of each day, stacked by the guard that blocked.", days,
                    guards.Select(g => new BarSeries(g, days.Select(d => items.Where(r => r.Text("day") == d && r.Text("guard") == g).Sum(r => r.Number("blocks")) is var n && n > 0 ? n : null).ToList())).ToList(),
                    true);
            }
            case "validations":
            {
                var days = Days(items);
                return new BarChart(id, chart.Title, "Validations of each day, stacked: passed, warned, failed.", days,
                    new[] { "passed", "warned", "failed" }.Select(f => new BarSeries(f, days.Select(d => items.Where(r => r.Text("day") == d).Sum(r => r.Number(f))).ToList())).ToList(),
                    true);
            }
            default:
            {
                var venues = items.Select(r => r.Text("venue")).Distinct().Order().ToList();
                return new BarChart(id, chart.Title, "Average slippage of LIVE fills against the mid when each order left, per venue, in basis points (positive: worse than the mid).",
                    venues, [new BarSeries("average slippage (bps)",
                        venues.Select(v => (decimal?)Math.Round(items.Where(r => r.Text("venue") == v).Average(r => r.Number("slippage_bps") ?? 0), 2)).ToList())], false);
            }
        }
    }

    private static List<string> Days(List<JsonElement> rows) => rows.Select(r => r.Text("day")).Distinct().Order(StringComparer.Ordinal).ToList();
}
