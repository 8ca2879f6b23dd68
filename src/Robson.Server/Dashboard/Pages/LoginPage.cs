namespace Robson.Server.Dashboard.Pages;

/// <summary>Sign-in: a token from `robson token create`, posted in the field <c>token</c>; the page never shows it back.</summary>
public static class LoginPage
{
    public static Answer.Page Form(string? error, int status) => new("Sign in", "login-page", Markup.Of($"""
        <h1>Sign in</h1>
        {Markup.When(error is not null, Markup.Of($"""<p id="login-error" class="alert" role="alert">{error}</p>"""))}
        <form id="login" class="stack" method="post" action="/login">
          <label for="token">API token <span class="muted">(from <code>robson token create</code>; it names your tenant and role)</span></label>
          <input id="token" name="token" type="password" autocomplete="off" required spellcheck="false">
          <div><button type="submit">Sign in</button></div>
        </form>
        """), status);
}
