using System.Globalization;
using System.Text;
using Robson.Core.Domain;

namespace Robson.Core.Audit;

/// <summary>
/// Canonical content and hash of an audit event. Each event's hash covers the previous event's hash,
/// so changing, removing or reordering any event breaks every link after it. Each tenant has its own chain,
/// so a tenant's events can be exported and verified without anyone else's.
/// </summary>
public static class AuditHasher
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Canonical(long position, string id, AuditEntry e)
    {
        var text = new StringBuilder("robson-audit/v1\n");
        Line(text, "position", position.ToString(CultureInfo.InvariantCulture));
        Line(text, "id", id);
        Line(text, "client_id", e.ClientId?.ToString() ?? "");
        Line(text, "kind", e.Kind);
        Line(text, "result", e.Result);
        Line(text, "plan_id", e.PlanId ?? "");
        Line(text, "plan_hash", e.PlanHash ?? "");
        Line(text, "occurred_at", CanonicalTime(e.OccurredAt));
        Line(text, "actor", e.Actor.User);
        Line(text, "host", e.Actor.Host);
        Line(text, "command", e.Actor.Command);
        Line(text, "version", e.Actor.RobsonVersion);
        // Only when there is one: every event hashed before roles existed (and every local CLI event) keeps its hash.
        if (e.Actor.Role is { } role)
            Line(text, "role", role);
        foreach (var (key, value) in e.Details.OrderBy(p => p.Key, StringComparer.Ordinal))
            Line(text, "detail." + key, value);
        return text.ToString();
    }

    /// <summary>The time as the canonical form writes it: UTC, 100 ns precision, e.g. 2026-11-25T12:00:00.0000000Z.</summary>
    public static string CanonicalTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public const string TimeFormat = "yyyy-MM-ddTHH:mm:ss.fffffffZ";

    public static string Hash(string previousHash, string canonical) =>
        Convert.ToHexStringLower(Hashing.Sha256.Hash(Encoding.UTF8.GetBytes(previousHash + "\n" + canonical)));

    // Escaping '\\', '=' and newlines in keys and values keeps one field per line and one '=' per field,
    // so no key or value can forge another field.
    private static void Line(StringBuilder text, string key, string value) =>
        text.Append(Escape(key)).Append('=').Append(Escape(value)).Append('\n');

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r").Replace("=", "\\=");
}
