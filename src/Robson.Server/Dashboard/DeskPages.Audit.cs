using Robson.Server.Dashboard.Pages;

namespace Robson.Server.Dashboard;

public sealed partial class DeskPages
{
    public Answer Audit(PageRequest request)
    {
        if (!request.Session.May(Api.Capability.ReadAudit)) return Answer.Error(403, Api.RolePolicy.Refusal(request.Session.Caller.Role, Api.Capability.ReadAudit));
        using var verify = api.Get(request.Session.Caller, "/v1/audit/verify", "dashboard " + request.Via, request.RequestId);
        if (Failed(verify) is { } failed) return failed;
        var filters = new[] { ("plan", request.Query("plan")), ("since", request.Query("since")), ("limit", "200") };
        using var events = api.Get(request.Session.Caller, "/v1/audit/events", "dashboard " + request.Via, request.RequestId, fields: filters);
        if (events.Problem is { Status: 400 or 404 } bad)
            return new Answer.Page("Audit", "audit-page", AuditPage.Render(verify.Json, null, filters, bad.Detail), 400);
        if (Failed(events) is { } failedEvents) return failedEvents;
        return new Answer.Page("Audit", "audit-page", AuditPage.Render(verify.Json, events.Json, filters, null));
    }

    public Answer AuditEvent(PageRequest request)
    {
        using var shown = api.Get(request.Session.Caller, "/v1/audit/events/{id}", "dashboard " + request.Via, request.RequestId, Id(request));
        if (Failed(shown) is { } failed) return failed;
        return new Answer.Page($"Audit event {request.Route("id")}", "audit-event-page", AuditPage.Event(shown.Json));
    }

    public Answer AuditExport(PageRequest request)
    {
        var format = request.Query("format") == "csv" ? "csv" : "jsonl";
        using var export = api.Get(request.Session.Caller, "/v1/audit/export", "dashboard " + request.Via, request.RequestId, fields: [("format", format)]);
        if (Failed(export) is { } failed) return failed;
        return new Answer.Download(format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
            $"robson-audit-client-{request.Session.Caller.Tenant}.{format}", export.Text);
    }
}
