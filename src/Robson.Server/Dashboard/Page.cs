using Microsoft.AspNetCore.Http;

namespace Robson.Server.Dashboard;

/// <summary>What a dashboard endpoint answers: a page in the layout, a fragment, a redirect or a download.</summary>
public abstract record Answer
{
    public sealed record Page(string Title, string Id, Markup Body, int Status = 200) : Answer;

    /// <summary>Markup without the layout (the Today page's live part, fetched by robson.js).</summary>
    public sealed record Fragment(Markup Body) : Answer;

    public sealed record Redirect(string Location) : Answer;

    public sealed record Download(string ContentType, string FileName, string Content) : Answer;

    public static Page Error(int status, string message)
    {
        var title = status switch { 403 => "Forbidden", 404 => "Not found", 400 => "Bad request", 503 => "Unavailable", _ => "Error" };
        return new Page(title, "error-page",
            Markup.Of($"""<h1>{title}</h1><p id="error" role="alert">{message}</p><p><a href="/">Back to Today</a></p>"""), status);
    }
}

/// <summary>A request as a page handler sees it: the session, the request id for the audit trail, the query.</summary>
public sealed record PageRequest(HttpContext Http, Session Session, string RequestId)
{
    public string? Query(string name) => Http.Request.Query[name] is { Count: > 0 } v && !string.IsNullOrWhiteSpace(v[0]) ? v[0]!.Trim() : null;

    public string? Route(string name) => Http.Request.RouteValues[name]?.ToString();

    public string Via => $"{Http.Request.Method} {Http.Request.Path}";
}
