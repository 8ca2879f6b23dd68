using System.Text.Json;

namespace Robson.Server.Dashboard.Pages;

/// <summary>Executions (every attempt, blocked or not), filtered by the fields of GET /v1/executions.</summary>
public static class ExecutionsPage
{
    public static readonly (string Field, string Label, string Hint)[] Filters =
    [
        ("mode", "Mode", "live or dry-run"),
        ("status", "Status", "SUCCESS, BLOCKED, FAILED…"),
        ("venue", "Venue", "paper"),
        ("symbol", "Symbol", "BTCUSDT"),
        ("blocked_by", "Blocked by guard", "ExecutionLimits"),
        ("from", "From (UTC day)", "YYYY-MM-DD"),
        ("to", "To (UTC day)", "YYYY-MM-DD"),
    ];

    public static Markup Render(JsonElement? list, IReadOnlyList<(string Field, string? Value)> given, string? error) => Markup.Of($"""
        <h1>Executions</h1>
        <form id="filters" class="filters" method="get" action="/executions">
          {Filters.Select(f => Field(f, given.FirstOrDefault(g => g.Field == f.Field).Value))}
          <div><button type="submit">Filter</button> <a href="/executions">Clear</a></div>
        </form>
        {(error is not null ? Markup.Of($"""<p id="error" class="alert" role="alert">{error}</p>""") : Table(list!.Value))}
        """);

    private static Markup Field((string Field, string Label, string Hint) filter, string? value) => filter.Field switch
    {
        "mode" => Markup.Of($"""
            <label>{filter.Label}<select name="mode">{new[] { ("", "any"), ("live", "LIVE"), ("dry-run", "DRY-RUN") }.Select(o =>
                Markup.Of($"""<option value="{o.Item1}"{(string.Equals(o.Item1, value, StringComparison.OrdinalIgnoreCase) ? Markup.Of($" selected") : Markup.Empty)}>{o.Item2}</option>"""))}</select></label>
            """),
        "from" or "to" => Markup.Of($"""<label>{filter.Label}<input type="date" name="{filter.Field}" value="{value ?? ""}"></label>"""),
        _ => Markup.Of($"""<label>{filter.Label}<input name="{filter.Field}" value="{value ?? ""}" placeholder="{filter.Hint}"></label>"""),
    };

    private static Markup Table(JsonElement list)
    {
        var rows = list.Items("executions").Select(e => Markup.Of($"""
            <tr data-execution="{e.Text("execution_id")}" data-mode="{e.Text("mode")}" data-status="{e.Text("status")}">
              <td><a href="/executions/{e.Text("execution_id")}" class="mono">{e.Text("execution_id")}</a></td><td>{e.When("executed_at")}</td>
              <td>{e.Text("mode")}</td><td class="{StatusClass(e.Text("status"))}">{e.Text("status")}</td><td>{e.Text("venue")}</td>
              <td>{e.Text("order")}</td>
              <td>{e.Text("passed_guards")}/{e.Text("total_guards")}</td><td>{string.Join(", ", e.Items("failed_guards").Select(s => s.GetString()))}</td>
              <td class="num">{e.Text("orders")}</td><td class="num">{e.Text("fills")}</td><td class="num">{e.Text("notional")}</td><td class="num">{e.Text("fees")}</td>
              <td><a href="/plans/{e.Text("plan_id")}" class="mono">{e.Text("plan_id")}</a></td>
            </tr>
            """)).ToList();
        if (rows.Count == 0) return Markup.Of($"""<table id="executions"><caption>No execution matches.</caption><tbody></tbody></table>""");
        return Markup.Of($"""
            <div class="scroll" tabindex="0"><table id="executions"><caption class="muted">{list.Text("count")} executions, newest first</caption>
            <thead><tr><th scope="col">Execution</th><th scope="col">At</th><th scope="col">Mode</th><th scope="col">Status</th><th scope="col">Venue</th><th scope="col">Order</th>
            <th scope="col">Guards passed</th><th scope="col">Failed guards</th><th scope="col" class="num">Orders</th><th scope="col" class="num">Fills</th>
            <th scope="col" class="num">Notional</th><th scope="col" class="num">Fees</th><th scope="col">Plan</th></tr></thead>
            <tbody>{rows}</tbody></table></div>
            """);
    }

    public static string StatusClass(string status) => status switch
    {
        "SUCCESS" or "PASS" or "FILLED" => "pass",
        "BLOCKED" or "FAILED" or "FAIL" or "REJECTED" => "fail",
        _ => "warn",
    };
}
