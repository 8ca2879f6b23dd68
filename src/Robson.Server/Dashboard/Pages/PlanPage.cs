using System.Text.Json;

namespace Robson.Server.Dashboard.Pages;

/// <summary>One plan: its legs, hash, stage, latest validation and executions. Nothing on it runs the plan LIVE.</summary>
public static class PlanPage
{
    private static string Quantity(JsonElement leg) => leg.TextOrNull("quote_quantity") is { } quote ? $"for {quote}" : leg.Text("quantity");

    public static Markup Render(JsonElement p, Session session)
    {
        var status = p.Field("status");
        var validation = status.Field("validation");
        return Markup.Of($"""
            <h1>Plan <span class="mono">{p.Text("plan_id")}</span></h1>
            <dl class="fields card">
              <dt>Kind</dt><dd>{p.Text("kind")}</dd><dt>Venue</dt><dd>{p.Text("venue")}</dd><dt>Strategy</dt><dd>#{p.Text("strategy_id")}</dd>
              <dt>Created</dt><dd>{p.When("created_at")}</dd><dt>Hash</dt><dd class="mono">{p.Text("hash")}</dd><dt>Stage</dt><dd id="plan-stage">{status.Text("stage")}</dd>
            </dl>
            <h2>Legs</h2>
            <div class="scroll" tabindex="0"><table id="plan-legs"><thead><tr><th scope="col">Symbol</th><th scope="col">Side</th><th scope="col">Type</th><th scope="col" class="num">Quantity</th>
            <th scope="col" class="num">Limit</th><th scope="col" class="num">Stop-loss</th><th scope="col" class="num">Take-profit</th><th scope="col">Cancels</th></tr></thead>
            <tbody>{p.Items("legs").Select(l => Markup.Of($"""
                <tr><td>{l.Text("symbol")}</td><td>{l.Text("side")}</td><td>{l.Text("type")}</td><td class="num">{Quantity(l)}</td>
                <td class="num">{l.Text("limit_price")}</td><td class="num">{l.Text("stop_loss")}</td><td class="num">{l.Text("take_profit")}</td><td class="mono">{l.Text("cancels_order")}</td></tr>
                """))}</tbody></table></div>
            <h2 id="validation">Latest validation</h2>
            {(validation.ValueKind == JsonValueKind.Object ? Markup.Of($"""
                <dl class="fields card" id="plan-validation">
                  <dt>Result</dt><dd class="{ExecutionsPage.StatusClass(validation.Text("status"))}">{validation.Text("status")}</dd>
                  <dt>Validation</dt><dd class="mono">{validation.Text("validation_id")}</dd><dt>At</dt><dd>{validation.When("validated_at")}</dd>
                  <dt>Expires</dt><dd>{validation.When("expires_at")}</dd><dt>Bound to this hash</dt><dd>{(validation.Flag("same_hash") ? "yes" : "no")}</dd>
                  <dt>Authorises LIVE</dt><dd>{(validation.Flag("authorises_live") ? "yes" : $"no ({validation.Text("lapse")})")}</dd>
                </dl>
                """) : Markup.Of($"""<p class="muted" id="plan-validation">Not validated yet.</p>"""))}
            <h2>Executions</h2>
            <ul id="plan-executions">{status.Items("executions").Select(x => Markup.Of($"""
                <li><a href="/executions/{x.Text("execution_id")}" class="mono">{x.Text("execution_id")}</a> {x.Text("mode")} <span class="{ExecutionsPage.StatusClass(x.Text("status"))}">{x.Text("status")}</span> · {x.When("executed_at")}</li>
                """))}</ul>
            {Markup.When(session.May(Api.Capability.ReadAudit), Markup.Of($"""<p><a href="/audit?plan={Uri.EscapeDataString(p.Text("plan_id"))}">This plan's audit events</a></p>"""))}
            <p class="muted">{string.Join(" ", status.Items("notes").Select(n => n.GetString()))}</p>
            """);
    }
}
