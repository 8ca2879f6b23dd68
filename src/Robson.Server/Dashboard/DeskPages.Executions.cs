using Robson.Server.Dashboard.Pages;

namespace Robson.Server.Dashboard;

public sealed partial class DeskPages
{
    public Answer Executions(PageRequest request)
    {
        var filters = ExecutionsPage.Filters.Select(f => (f.Field, request.Query(f.Field))).ToList();
        using var list = api.Get(request.Session.Caller, "/v1/executions", "dashboard " + request.Via, request.RequestId, fields: [.. filters, ("limit", "200")]);
        if (list.Problem is { Status: 400 } bad)
            return new Answer.Page("Executions", "executions-page", ExecutionsPage.Render(null, filters, bad.Detail), 400);
        if (Failed(list) is { } failed) return failed;
        return new Answer.Page("Executions", "executions-page", ExecutionsPage.Render(list.Json, filters, null));
    }

    public Answer Execution(PageRequest request)
    {
        using var execution = api.Get(request.Session.Caller, "/v1/executions/{id}", "dashboard " + request.Via, request.RequestId, Id(request));
        if (Failed(execution) is { } failed) return failed;
        return new Answer.Page($"Execution {execution.Json.Text("execution_id")}", "execution-page", ExecutionPage.Render(execution.Json, request.Session));
    }

    public Answer Plan(PageRequest request)
    {
        using var plan = api.Get(request.Session.Caller, "/v1/plans/{id}", "dashboard " + request.Via, request.RequestId, Id(request));
        if (Failed(plan) is { } failed) return failed;
        return new Answer.Page($"Plan {plan.Json.Text("plan_id")}", "plan-page", PlanPage.Render(plan.Json, request.Session));
    }
}
