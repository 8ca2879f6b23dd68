using Robson.Server.Api;

namespace Robson.Server.Dashboard;

/// <summary>The frame of every page: who is signed in (tenant and role, never the token), the navigation, sign-out.</summary>
public static class Layout
{
    private static readonly (string Href, string Label, Capability? Needs)[] Nav =
    [
        ("/", "Today", null),
        ("/executions", "Executions", null),
        ("/analytics", "Analytics", null),
        ("/audit", "Audit", Capability.ReadAudit),
    ];

    public static Markup Render(Answer.Page page, Session? session, string path)
    {
        var header = session is null ? Markup.Of($"""<header><span class="brand">Robson</span></header>""") : Markup.Of($"""
            <header>
              <span class="brand">Robson</span>
              <nav aria-label="Main">{Nav.Where(n => n.Needs is not { } needs || session.May(needs)).Select(n => Link(n.Href, n.Label, path))}</nav>
              <span class="who"><span id="tenant">client {session.Caller.Tenant}</span> · <span id="role">{session.Role}</span> · <span id="token-name">{session.Caller.Name}</span></span>
              <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{session.Csrf}"><button type="submit">Sign out</button></form>
            </header>
            """);
        return Markup.Of($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{page.Title} · Robson</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/assets/robson.css">
            <script src="/assets/robson.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#{page.Id}">Skip to content</a>
            {header}
            <main id="{page.Id}">
            {page.Body}
            </main>
            </body>
            </html>
            """);
    }

    private static Markup Link(string href, string label, string path)
    {
        var current = href == "/" ? path == "/" : path.StartsWith(href, StringComparison.Ordinal);
        return current ? Markup.Of($"""<a href="{href}" aria-current="page">{label}</a>""") : Markup.Of($"""<a href="{href}">{label}</a>""");
    }
}
