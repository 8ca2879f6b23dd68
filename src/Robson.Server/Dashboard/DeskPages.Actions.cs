using Microsoft.AspNetCore.Http;
using Robson.Server.Api;
using Robson.Server.Dashboard.Pages;

namespace Robson.Server.Dashboard;

/// <summary>
/// The page's actions: the kill switch for the risk role, the cancel of an open order for the trader. Each is confirmed
/// on a page that names the tenant, then runs through the API's own route as the session's token (audited with its
/// name and role). Nothing here sends a buy or a sell LIVE.
/// </summary>
public sealed partial class DeskPages
{
    public Answer ConfirmAction(PageRequest request)
    {
        var action = ActionPage.Find(request.Route("action"));
        if (action is null) return Answer.Error(404, $"no action '{request.Route("action")}'");
        if (!request.Session.May(action.Needs)) return Answer.Error(403, RolePolicy.Refusal(request.Session.Caller.Role, action.Needs));
        if (action.Name != "cancel") return new Answer.Page(action.Title, "action-page", ActionPage.Confirm(action, request.Session, null, null));

        var order = request.Query("order");
        using var orders = api.Get(request.Session.Caller, "/v1/orders", "dashboard " + request.Via, request.RequestId);
        if (Failed(orders) is { } failed) return failed;
        var open = orders.Json.Items("orders").FirstOrDefault(o => o.Text("client_order_id") == order);
        if (order is null || open.ValueKind == System.Text.Json.JsonValueKind.Undefined)
            return Answer.Error(404, $"no open order '{order}' of client {request.Session.Caller.Tenant}");
        return new Answer.Page(action.Title, "action-page", ActionPage.Confirm(action, request.Session, open, null));
    }

    public Answer Act(PageRequest request, IFormCollection form)
    {
        var action = ActionPage.Find(request.Route("action"));
        if (action is null) return Answer.Error(404, $"no action '{request.Route("action")}'");
        if (!request.Session.May(action.Needs)) return Answer.Error(403, RolePolicy.Refusal(request.Session.Caller.Role, action.Needs));
        var reason = form["reason"].ToString().Trim();
        var acknowledged = form["acknowledge"].ToString() is "on" or "true" or "yes";
        string? refusal = action.Name switch
        {
            "halt" when reason.Length == 0 => "Give a reason: it is recorded in the audit trail.",
            "resume" or "cancel" when !acknowledged => action.Name == "resume"
                ? "Tick the acknowledgement: resuming lets LIVE orders be placed again."
                : "Tick the acknowledgement: the cancel is sent to the venue.",
            _ => null,
        };
        if (refusal is not null) return Again(request, action, refusal);

        return action.Name switch
        {
            "halt" => Done(request, action, api.Call(request.Session.Caller, "POST", "/v1/trading-state/halt", "dashboard " + request.Via, request.RequestId, fields: [("reason", reason)])),
            "reduce-only" => Done(request, action, api.Call(request.Session.Caller, "POST", "/v1/trading-state/reduce-only", "dashboard " + request.Via, request.RequestId,
                fields: [("reason", reason)])),
            "resume" => Done(request, action, api.Call(request.Session.Caller, "POST", "/v1/trading-state/resume", "dashboard " + request.Via, request.RequestId,
                fields: [("acknowledge_risk", "true")])),
            _ => Cancel(request, action, form["order"].ToString()),
        };
    }

    /// <summary>A cancel is a plan like any other: planned, validated, then executed LIVE with the acknowledgement the form took.</summary>
    private Answer Cancel(PageRequest request, ActionPage.Action action, string order)
    {
        using var plan = api.Call(request.Session.Caller, "POST", "/v1/plans/cancel", "dashboard " + request.Via, request.RequestId, fields: [("order", order)]);
        if (plan.Problem is { } problem) return Again(request, action, problem.Detail, order);
        var planId = plan.Json.Text("plan_id");
        var id = new Dictionary<string, string?> { ["id"] = planId };
        using var validation = api.Call(request.Session.Caller, "POST", "/v1/plans/{id}/validate", "dashboard " + request.Via, request.RequestId, id);
        if (validation.Problem is { } invalid) return Again(request, action, invalid.Detail, order);
        if (validation.Json.Text("status") == "FAIL")
            return Again(request, action, $"the cancel plan {planId} failed validation: " +
                string.Join("; ", validation.Json.Items("issues").Select(i => i.Text("message"))), order);
        using var execution = api.Call(request.Session.Caller, "POST", "/v1/plans/{id}/execute", "dashboard " + request.Via, request.RequestId, id,
            [("mode", "live"), ("acknowledge_risk", "true")]);
        if (execution.Problem is { } failed) return Again(request, action, failed.Detail, order);
        return new Answer.Redirect($"/executions/{execution.Json.Text("execution_id")}");
    }

    private static Answer Done(PageRequest request, ActionPage.Action action, ApiAnswer answer)
    {
        using (answer)
            return answer.Problem is { } problem ? Again(request, action, problem.Detail) : new Answer.Redirect("/");
    }

    private static Answer Again(PageRequest request, ActionPage.Action action, string error, string? order = null) =>
        new Answer.Page(action.Title, "action-page", ActionPage.Confirm(action, request.Session, null, error, order), 400);
}
