using Microsoft.AspNetCore.Http;
using Robson.Core.UseCases;
using Robson.Server.Api;
using Robson.Server.Dashboard.Pages;

namespace Robson.Server.Dashboard;

/// <summary>The dashboard's handlers: each reads through <see cref="DeskApi"/> (the API's routes, as the session's caller) and renders.</summary>
public sealed partial class DeskPages(DeskApi api, StoreGate gate, Sessions sessions, TimeProvider time)
{
    /// <summary>POST /login: a valid token starts a session; a missing, unknown, expired or revoked one is said so (401).</summary>
    public async Task<Answer> SignIn(HttpContext http)
    {
        if (!DashboardEndpoints.SameOrigin(http)) return Answer.Error(403, "refused: the sign-in form was posted from another site");
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : FormCollection.Empty;
        var token = form["token"].ToString().Trim();
        if (token.Length == 0) return LoginPage.Form("Enter a token (from `robson token create`).", 401);
        try
        {
            using var store = gate.Open();
            var caller = StoreGate.Authenticate(store, "Bearer " + token, time.GetUtcNow());
            sessions.Start(http, caller, ManageTokens.HashOf(token));
            return new Answer.Redirect("/");
        }
        catch (ProblemException e)
        {
            return LoginPage.Form(e.Problem.Detail.Replace("the token", "This token", StringComparison.Ordinal) + ".", 401);
        }
    }

    /// <summary>A session lasts only while its token is neither revoked nor expired.</summary>
    public bool TokenStillValid(Session session)
    {
        using var store = gate.Open();
        return store.TokenByHash(session.TokenHash) is { } token && token.IsValidAt(time.GetUtcNow());
    }

    public Answer Today(PageRequest request)
    {
        using var status = api.Get(request.Session.Caller, "/v1/status", "dashboard " + request.Via, request.RequestId);
        using var report = api.Get(request.Session.Caller, "/v1/report", "dashboard " + request.Via, request.RequestId);
        if ((Failed(status) ?? Failed(report)) is { } failed) return failed;
        return new Answer.Page("Today", "today", TodayPage.Page(status.Json, report.Json, request.Session));
    }

    public Answer TodayLive(PageRequest request)
    {
        using var status = api.Get(request.Session.Caller, "/v1/status", "dashboard " + request.Via, request.RequestId);
        using var report = api.Get(request.Session.Caller, "/v1/report", "dashboard " + request.Via, request.RequestId);
        if ((Failed(status) ?? Failed(report)) is { } failed) return failed;
        return new Answer.Fragment(TodayPage.Live(status.Json, report.Json, request.Session));
    }

    /// <summary>A refused read as the page for it: 404 for another tenant's or a missing object, 403, 400 with the reason.</summary>
    private static Answer.Page? Failed(ApiAnswer answer) =>
        answer.Problem is { } problem ? Answer.Error(problem.Status is 404 or 403 or 400 or 503 ? problem.Status : 500, problem.Detail) : null;

    private static Dictionary<string, string?> Id(PageRequest request) => new() { ["id"] = request.Route("id") };
}
