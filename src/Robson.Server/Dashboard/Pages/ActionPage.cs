using System.Text.Json;
using Robson.Server.Api;

namespace Robson.Server.Dashboard.Pages;

/// <summary>The confirmation of an action: it names the tenant (and the order), asks why, and for resume and cancel an explicit acknowledgement.</summary>
public static class ActionPage
{
    public sealed record Action(string Name, string Title, Capability Needs, string Explains, string Button);

    private static readonly Action[] All =
    [
        new("halt", "Halt trading", Capability.ManageRisk, "Every LIVE order of this tenant is refused on every venue until someone resumes. Cancels still go through.", "Halt trading"),
        new("reduce-only", "Reduce only", Capability.ManageRisk, "Only LIVE orders that reduce a position are allowed until someone resumes.", "Set reduce-only"),
        new("resume", "Resume trading", Capability.ManageRisk, "Trading returns to ACTIVE: LIVE orders may be placed again, within every guard and limit.", "Resume trading"),
        new("cancel", "Cancel an open order", Capability.TradeLive, "A cancel plan is created, validated and executed: the cancel request is sent to the venue.", "Send the cancel"),
    ];

    public static Action? Find(string? name) => All.FirstOrDefault(a => a.Name == name);

    public static Markup Confirm(Action action, Session session, JsonElement? order, string? error, string? orderId = null)
    {
        var id = order?.Text("client_order_id") ?? orderId;
        var reasonRequired = action.Name == "halt";
        return Markup.Of($"""
            <h1>{action.Title}</h1>
            <p class="notice" id="confirm-tenant">For <strong>client {session.Caller.Tenant}</strong>{(id is null ? "" : $": order {id}")}{(order is { } o ? $" ({o.Text("side")} {o.Text("quantity")} {o.Text("symbol")} {o.Text("type")} on {o.Text("venue")})" : "")}.</p>
            <p>{action.Explains}</p>
            {Markup.When(error is not null, Markup.Of($"""<p id="error" class="alert" role="alert">{error}</p>"""))}
            <form id="confirm" class="stack" method="post" action="/actions/{action.Name}">
              <input type="hidden" name="csrf" value="{session.Csrf}">
              {Markup.When(id is not null, Markup.Of($"""<input type="hidden" name="order" value="{id}">"""))}
              {Markup.When(action.Name is "halt" or "reduce-only", Markup.Of($"""
                  <label for="reason">Reason{(reasonRequired ? "" : " (optional)")} <span class="muted">(recorded in the audit trail)</span></label>
                  <input id="reason" name="reason" maxlength="200"{(reasonRequired ? Markup.Of($" required") : Markup.Empty)}>
                  """))}
              {Markup.When(action.Name is "resume" or "cancel", Markup.Of($"""
                  <label class="check" for="acknowledge"><input type="checkbox" id="acknowledge" name="acknowledge" value="on" required>
                  <span>{(action.Name == "resume" ? $"I acknowledge that LIVE orders of client {session.Caller.Tenant} may be placed again." : $"I acknowledge that this cancel is sent to the venue for client {session.Caller.Tenant}.")}</span></label>
                  """))}
              <div class="actions"><button type="submit" class="{(action.Name == "halt" ? "danger" : "")}">{action.Button}</button> <a href="/">Back without doing anything</a></div>
            </form>
            """);
    }
}
