using System.Text;
using Robson.Cli.Rendering;
using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Cli.Commands.Audit;

/// <summary>Audit events and chain verdicts as text and JSON.</summary>
internal static class AuditRenderer
{
    public static AuditEventJson ToJson(AuditRecord r) => new(
        r.Sequence, r.Id, r.Entry.ClientId?.Value, r.Position, r.Entry.Kind, r.Entry.Result, r.Entry.PlanId, r.Entry.PlanHash,
        AuditHasher.CanonicalTime(r.Entry.OccurredAt), r.Entry.Actor.User, r.Entry.Actor.Host, r.Entry.Actor.Command, r.Entry.Actor.RobsonVersion,
        r.Entry.Actor.Role, r.Entry.Details, r.PreviousHash, r.Hash);

    private static string Tenant(ClientId? clientId) => clientId is { } c ? $"client {c}" : "no tenant";

    public static string List(IReadOnlyList<AuditRecord> events, bool truncated, string scope)
    {
        var text = new StringBuilder();
        if (events.Count == 0)
            return $"No audit events{scope}.\n";
        text.AppendLine($"{"EVENT",-20} {"CLIENT",-6} {"POS",5}  {"TIME (UTC)",-19}  {"KIND",-20} {"RESULT",-9} {"PLAN",-13} COMMAND");
        foreach (var e in events)
            text.AppendLine($"{e.Id,-20} {e.Entry.ClientId?.ToString() ?? "-",-6} {e.Position,5}  {e.Entry.OccurredAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}  " +
                            $"{e.Entry.Kind,-20} {e.Entry.Result,-9} {e.Entry.PlanId ?? "-",-13} {e.Entry.Actor.Command}");
        if (truncated)
            text.AppendLine($"(older events{scope} not shown: raise --limit or narrow with --since / --plan)");
        return text.ToString();
    }

    public static string Show(AuditRecord r, bool hashMatches, Style style)
    {
        var e = r.Entry;
        var text = new StringBuilder();
        text.AppendLine($"AUDIT EVENT {r.Id}");
        text.AppendLine($"  chain:          {Tenant(e.ClientId)}, position {r.Position} (sequence {r.Sequence})");
        text.AppendLine($"  kind:           {e.Kind}");
        text.AppendLine($"  result:         {e.Result}");
        text.AppendLine($"  occurred at:    {AuditHasher.CanonicalTime(e.OccurredAt)}");
        if (e.PlanId is not null) text.AppendLine($"  plan:           {e.PlanId} (hash {e.PlanHash})");
        text.AppendLine($"  actor:          {e.Actor.User}@{e.Actor.Host}");
        if (e.Actor.Role is { } role) text.AppendLine($"  role:           {role}");
        text.AppendLine($"  command:        {e.Actor.Command}");
        text.AppendLine($"  robson version: {e.Actor.RobsonVersion}");
        if (e.Details.Count > 0)
        {
            text.AppendLine("  details:");
            var width = e.Details.Keys.Max(k => k.Length);
            foreach (var (key, value) in e.Details)
                text.AppendLine($"    {key.PadRight(width)}  {value}");
        }
        text.AppendLine($"  previous hash:  {r.PreviousHash}");
        text.AppendLine($"  hash:           {r.Hash}");
        text.AppendLine(hashMatches
            ? $"  content:        {style.Ok("✓ matches its hash")} (`robson audit verify` checks the whole chain)"
            : $"  content:        {style.Bad("✗ does NOT match its hash: this event was changed")}");
        return text.ToString();
    }

    private static AuditBreakJson? ToJson(AuditBreak? b, IReadOnlyDictionary<string, int>? lines) => b is null ? null
        : new(b.ClientId?.Value, b.Position, b.EventId, b.Code, b.Reason, lines is not null && lines.TryGetValue(b.EventId, out var line) ? line : null);

    private static AuditFindingJson ToJson(AuditFinding f) => new(f.ClientId?.Value, f.Code, f.Reason, f.Position, f.EventId);

    private static AuditBreakJson? AsBreak(AuditFinding? f) => f is null ? null : new(f.ClientId?.Value, f.Position, f.EventId, f.Code, f.Reason, null);

    public static AuditVerifyJson ToJson(AuditVerification v, string source, IReadOnlyDictionary<string, int>? lines) => new(
        v.Intact ? "INTACT" : "BROKEN", source, v.Events,
        v.Chains.Select(c => new AuditChainJson(c.ClientId?.Value, c.Events, c.HeadHash, c.Intact, ToJson(c.Break, lines) ?? AsBreak(c.Findings.FirstOrDefault()),
            c.Findings.Select(ToJson).ToList())).ToList(),
        ToJson(v.FirstBreak, lines) ?? AsBreak(v.FirstFinding), v.Findings.Select(ToJson).ToList());

    public static string Verification(AuditVerification v, string source, ClientId? only, IReadOnlyDictionary<string, int>? lines, Style style)
    {
        var text = new StringBuilder();
        text.AppendLine($"AUDIT VERIFY: {(source == "database" ? "the database" : source)}{(only is null ? "" : $", {Tenant(only)} only")}");
        if (v.Chains.Count == 0)
            text.AppendLine(only is null ? "  No audit events." : $"  No audit events for {Tenant(only)}.");
        foreach (var f in v.Findings)
            text.AppendLine($"  {style.Bad("✗")} {f.Code}: {f.Reason}");
        foreach (var c in v.Chains)
        {
            var head = $"  {(c.Intact ? style.Ok("✓") : style.Bad("✗"))} {Tenant(c.ClientId),-12} {c.Events,6} event(s)  ";
            if (c.Break is { } b)
            {
                var line = lines is not null && lines.TryGetValue(b.EventId, out var n) ? $", line {n}" : "";
                text.AppendLine(head + style.Bad($"broken at position {b.Position}") + $" ({b.EventId}{line}): {b.Code}: {b.Reason}");
            }
            else if (c.Findings.Count > 0)
                text.AppendLine(head + style.Bad("not intact") + $", head {c.HeadHash}");
            else
                text.AppendLine(head + $"intact, head {c.HeadHash}");
            foreach (var f in c.Findings)
                text.AppendLine($"      {f.Code}: {f.Reason}");
        }
        text.AppendLine();
        text.AppendLine(v.Intact
            ? "RESULT: " + style.Ok($"✓ INTACT: {v.Chains.Count} chain(s), {v.Events} event(s)")
            : v.FirstBreak is { } first
                ? "RESULT: " + style.Bad($"✗ BROKEN: first broken link: {Tenant(first.ClientId)}, position {first.Position} ({first.EventId})")
                : "RESULT: " + style.Bad($"✗ BROKEN: {(v.FirstFinding!.ClientId is null && v.Findings.Count > 0 ? "the store" : Tenant(v.FirstFinding.ClientId))}: " +
                                         $"{v.FirstFinding.Code}: {v.FirstFinding.Reason}"));
        if (v.Intact && v.Events > 0)
            text.AppendLine(style.Dim("Keep a head hash somewhere else too: `robson audit verify --expect-head CLIENT:HASH` checks the chain still holds it."));
        return text.ToString();
    }

    /// <summary>An export line that is not an event: the file is broken (exit 1), reported like a broken link.</summary>
    public static int WriteMalformed(CliIO io, string source, AuditExportReader.MalformedLineException e, bool json)
    {
        if (json)
            Output.Json(io, new AuditVerifyJson("BROKEN", source, 0, [], new AuditBreakJson(null, null, null, "MALFORMED_LINE", e.Reason, e.Line), []),
                ReportingJsonContext.Default.AuditVerifyJson);
        else
            io.Out.Write($"AUDIT VERIFY: {source}\n  ✗ line {e.Line} is not an exported audit event: {e.Reason}\n\nRESULT: ✗ BROKEN: line {e.Line}\n");
        return ExitCodes.BlockedOrFailed;
    }
}
