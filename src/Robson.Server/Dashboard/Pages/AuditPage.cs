using System.Text.Json;

namespace Robson.Server.Dashboard.Pages;

/// <summary>The tenant's audit trail: is the chain intact (or where it first breaks), its head, the events, one event's hash check.</summary>
public static class AuditPage
{
    public static Markup Render(JsonElement verify, JsonElement? events, IReadOnlyList<(string Name, string? Value)> filters, string? error)
    {
        var chain = verify.Items("chains").FirstOrDefault();
        var intact = verify.Text("status") == "INTACT";
        var firstBreak = verify.Field("first_break");
        return Markup.Of($"""
            <h1>Audit trail</h1>
            <section class="card" aria-labelledby="h-chain"><h2 id="h-chain">Hash chain</h2>
              <p id="chain-status" data-intact="{(intact ? "true" : "false")}" class="{(intact ? "pass" : "fail")}">
                {(intact ? $"Intact: {chain.Text("events")} events, every link holds." : "Broken.")}
                {Markup.When(firstBreak.ValueKind == JsonValueKind.Object, Markup.Of($"""First broken link: position {firstBreak.Text("position")}, event <span class="mono">{firstBreak.Text("event_id")}</span> — {firstBreak.Text("code")}: {firstBreak.Text("reason")}"""))}
              </p>
              <p>Head hash: <span id="head-hash" class="mono">{chain.Text("head_hash")}</span></p>
              <p class="muted">Keep the head hash elsewhere; <code>robson audit verify --expect-head CLIENT:HASH</code> proves later that the chain still holds it.</p>
              <p class="actions"><a id="export-jsonl" class="button" href="/audit/export?format=jsonl">Export (JSON lines)</a> <a id="export-csv" class="button" href="/audit/export?format=csv">Export (CSV)</a></p>
            </section>
            <form id="audit-filters" class="filters" method="get" action="/audit">
              <label>Plan<input name="plan" value="{filters.FirstOrDefault(f => f.Name == "plan").Value ?? ""}" placeholder="plan id"></label>
              <label>Since (UTC)<input name="since" value="{filters.FirstOrDefault(f => f.Name == "since").Value ?? ""}" placeholder="2026-11-25"></label>
              <div><button type="submit">Filter</button> <a href="/audit">Clear</a></div>
            </form>
            {(error is not null ? Markup.Of($"""<p id="error" class="alert" role="alert">{error}</p>""") : Events(events!.Value))}
            """);
    }

    private static Markup Events(JsonElement list)
    {
        var rows = list.Items("events").Select(e => Markup.Of($"""
            <tr data-event="{e.Text("event_id")}"><td class="num">{e.Text("position")}</td><td><a href="/audit/events/{e.Text("event_id")}" class="mono">{e.Text("event_id")}</a></td>
            <td>{e.When("occurred_at")}</td><td>{e.Text("kind")}</td><td>{e.Text("result")}</td><td>{e.Text("actor")}{(e.TextOrNull("role") is { } role ? $" ({role})" : "")}</td>
            <td class="mono">{e.TextOrNull("plan_id") ?? ""}</td></tr>
            """)).ToList();
        return Markup.Of($"""
            <div class="scroll" tabindex="0"><table id="events"><caption class="muted">{list.Text("count")} events, newest first{(list.Flag("truncated") ? " (more exist: narrow the filters or export)" : "")}</caption>
            <thead><tr><th scope="col" class="num">#</th><th scope="col">Event</th><th scope="col">At</th><th scope="col">Kind</th><th scope="col">Result</th><th scope="col">Actor</th><th scope="col">Plan</th></tr></thead>
            <tbody>{rows}</tbody></table></div>
            """);
    }

    public static Markup Event(JsonElement shown)
    {
        var e = shown.Field("event");
        var matches = shown.Flag("hash_matches");
        return Markup.Of($"""
            <h1>Audit event <span class="mono">{e.Text("event_id")}</span></h1>
            <p id="hash-check" data-matches="{(matches ? "true" : "false")}" class="{(matches ? "pass" : "fail")}">{(matches ? "✓ Its hash matches its fields: the hash matches." : "✗ Its hash does not match its fields: it was changed after it was written.")}</p>
            <dl class="fields card" id="event-fields">
              {new[] { "position", "kind", "result", "occurred_at", "actor", "role", "host", "command", "robson_version", "plan_id", "plan_hash", "client_id", "previous_hash", "hash" }
                  .Select(f => Markup.Of($"""<dt>{f}</dt><dd class="mono">{e.Text(f)}</dd>"""))}
              {Markup.Join(e.Field("details").ValueKind == JsonValueKind.Object
                  ? e.Field("details").EnumerateObject().Select(p => Markup.Of($"""<dt>details.{p.Name}</dt><dd class="mono">{p.Value.ToString()}</dd>"""))
                  : [])}
            </dl>
            {Markup.When(e.TextOrNull("plan_id") is not null, Markup.Of($"""<p><a href="/plans/{Uri.EscapeDataString(e.Text("plan_id"))}">The plan</a> · <a href="/audit?plan={Uri.EscapeDataString(e.Text("plan_id"))}">its events</a></p>"""))}
            """);
    }
}
