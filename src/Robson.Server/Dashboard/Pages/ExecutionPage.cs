using System.Text.Json;

namespace Robson.Server.Dashboard.Pages;

/// <summary>One execution: every guard with its verdict, every leg (action) with its outcome, the orders, fills and fees.</summary>
public static class ExecutionPage
{
    public static Markup Render(JsonElement e, Session session)
    {
        var plan = e.Text("plan_id");
        var summary = e.Field("summary");
        return Markup.Of($"""
            <h1>Execution <span class="mono">{e.Text("execution_id")}</span></h1>
            <dl class="fields card">
              <dt>Mode</dt><dd>{e.Text("mode")}</dd>
              <dt>Status</dt><dd class="{ExecutionsPage.StatusClass(e.Text("status"))}" id="execution-status">{e.Text("status")}</dd>
              <dt>Venue</dt><dd>{e.Text("venue")}</dd>
              <dt>At</dt><dd>{e.When("executed_at")}</dd>
              <dt>Plan</dt><dd><a id="plan-link" href="/plans/{plan}" class="mono">{plan}</a> · <a id="validation-link" href="/plans/{plan}#validation">its validation</a></dd>
              <dt>Plan hash</dt><dd class="mono">{e.Text("plan_hash")}</dd>
              <dt>Audit events</dt><dd>{(session.May(Api.Capability.ReadAudit)
                  ? Markup.Of($"""<a id="audit-link" href="/audit?plan={Uri.EscapeDataString(plan)}">the plan's audit events</a>""")
                  : Markup.Of($"""<span class="muted">(the audit trail is for the risk, auditor and operator roles)</span>"""))}</dd>
              {Markup.When(e.TextOrNull("error") is not null, Markup.Of($"""<dt>Error</dt><dd class="fail">{e.Text("error")}</dd>"""))}
              <dt>Totals</dt><dd>{summary.Text("orders")} orders, {summary.Text("fills")} fills, notional {summary.Text("notional")}, fees {summary.Text("fees")}</dd>
            </dl>
            <h2 id="h-guards">Guards</h2>
            <div class="scroll" tabindex="0"><table id="guards" aria-labelledby="h-guards"><thead><tr><th scope="col">Guard</th><th scope="col">Result</th><th scope="col">Code</th><th scope="col">Message</th></tr></thead>
            <tbody>{e.Items("guards").Select(Guard)}</tbody></table></div>
            <h2 id="h-legs">Legs and actions</h2>
            <div class="scroll" tabindex="0"><table id="legs" aria-labelledby="h-legs"><thead><tr><th scope="col">Type</th><th scope="col">What</th><th scope="col">Outcome</th><th scope="col">Details</th></tr></thead>
            <tbody>{e.Items("actions").Select(Action)}</tbody></table></div>
            <h2 id="h-fills">Fills and fees</h2>
            {Fills(e)}
            """);
    }

    private static Markup Guard(JsonElement g)
    {
        var passed = g.Flag("passed");
        return Markup.Of($"""
            <tr data-guard="{g.Text("name")}" data-passed="{(passed ? "true" : "false")}"><td>{g.Text("name")}</td>
            <td class="{(passed ? "pass" : "fail")}">{(passed ? "✓ pass" : "✗ fail")}</td><td class="mono">{g.TextOrNull("code") ?? ""}</td><td>{g.Text("message")}</td></tr>
            """);
    }

    private static Markup Action(JsonElement a) => Markup.Of($"""
        <tr><td class="mono">{a.Text("type")}</td><td>{a.Text("description")}</td><td>{a.Text("result")}</td>
        <td><details><summary>details</summary><dl class="fields">{Details(a)}</dl></details></td></tr>
        """);

    private static Markup Details(JsonElement a) => a.Field("details").ValueKind == JsonValueKind.Object
        ? Markup.Join(a.Field("details").EnumerateObject().Select(p => Markup.Of($"<dt>{p.Name}</dt><dd class=\"mono\">{p.Value.ToString()}</dd>")))
        : Markup.Empty;

    private static Markup Fills(JsonElement e)
    {
        var rows = e.Items("fills").Select(f => Markup.Of($"""
            <tr><td class="mono">{f.Text("client_order_id")}</td><td>{f.Text("symbol")}</td><td>{f.Text("side")}</td><td class="num">{f.Text("price")}</td>
            <td class="num">{f.Text("quantity")}</td><td class="num">{f.Text("notional")}</td><td class="num">{f.Text("fee")} {f.Text("fee_asset")}</td><td>{f.When("filled_at")}</td></tr>
            """)).ToList();
        return rows.Count == 0
            ? Markup.Of($"""<p id="fills" class="muted">No fill{(e.Text("mode") == "DRY_RUN" ? " (a DRY-RUN sends nothing)" : "")}.</p>""")
            : Markup.Of($"""
                <div class="scroll" tabindex="0"><table id="fills"><thead><tr><th scope="col">Order</th><th scope="col">Symbol</th><th scope="col">Side</th><th scope="col" class="num">Price</th>
                <th scope="col" class="num">Quantity</th><th scope="col" class="num">Notional</th><th scope="col" class="num">Fee</th><th scope="col">At</th></tr></thead><tbody>{rows}</tbody></table></div>
                """);
    }
}
