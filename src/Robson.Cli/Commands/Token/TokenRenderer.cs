using System.Text;
using Robson.Cli.Rendering;
using Robson.Core.Access;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Token;

/// <summary>Tokens as text and JSON. Only <see cref="Created"/> ever writes a secret; nothing writes a hash.</summary>
internal static class TokenRenderer
{
    public static string State(ApiToken token, DateTimeOffset now) =>
        token.RevokedAt is not null ? "REVOKED" : token.IsValidAt(now) ? "ACTIVE" : "EXPIRED";

    public static TokenJson ToJson(ApiToken t, DateTimeOffset now) => new(t.Id, t.Name, Roles.Name(t.Role), Output.Time(t.CreatedAt),
        t.ExpiresAt is { } e ? Output.Time(e) : null, t.RevokedAt is { } r ? Output.Time(r) : null, State(t, now));

    public static TokenCreatedJson CreatedJson(CreatedToken created)
    {
        var t = created.Token;
        return new(created.Secret, t.Id, t.ClientId.Value, t.Name, Roles.Name(t.Role), Output.Time(t.CreatedAt), t.ExpiresAt is { } e ? Output.Time(e) : null);
    }

    public static string Created(CreatedToken created)
    {
        var t = created.Token;
        var text = new StringBuilder();
        text.AppendLine($"Created token {t.Id} '{t.Name}' (role {Roles.Name(t.Role)}) for client {t.ClientId}, " +
                        $"expires {(t.ExpiresAt is { } e ? Output.HumanTime(e) : "never")}.");
        text.AppendLine("The token is shown only once: store it now (Robson keeps only its SHA-256 and cannot show it again).");
        text.AppendLine(created.Secret);
        return text.ToString();
    }

    public static string List(IReadOnlyList<ApiToken> tokens, string client, DateTimeOffset now)
    {
        if (tokens.Count == 0)
            return $"No API tokens for client {client} (create one with `robson token create --client-id {client} --role ROLE`).\n";
        var text = new StringBuilder();
        text.AppendLine($"{"ID",-12}  {"NAME",-24} {"ROLE",-8} {"CREATED",-23} {"EXPIRES",-23} STATE");
        foreach (var t in tokens)
            text.AppendLine($"{t.Id,-12}  {t.Name,-24} {Roles.Name(t.Role),-8} {Output.HumanTime(t.CreatedAt),-23} " +
                            $"{(t.ExpiresAt is { } e ? Output.HumanTime(e) : "never"),-23} " +
                            (t.RevokedAt is { } r ? $"REVOKED {Output.HumanTime(r)}" : State(t, now)));
        return text.ToString();
    }
}
