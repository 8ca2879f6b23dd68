using Robson.Core.Audit;
using Robson.Core.Domain;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Audit;

/// <summary>Builds chains the way the store appends them: sequence numbers global, positions and hashes per tenant.</summary>
internal sealed class AuditTrail
{
    private static readonly AuditActor Actor = new("alice", "desk-1", "robson", "0.1.0");

    public List<AuditRecord> Events { get; } = [];

    public AuditTrail Add(ClientId? tenant, string kind, string? planId = null, params (string Key, object? Value)[] details)
    {
        var previous = Events.LastOrDefault(r => r.Entry.ClientId == tenant);
        var position = (previous?.Position ?? 0) + 1;
        var entry = new AuditEntry(tenant, kind, "OK", planId, planId is null ? null : new string('a', 64), Details.Of(details), Actor, Now);
        var id = $"evt-{Events.Count + 1:x16}";
        var prevHash = previous?.Hash ?? AuditHasher.Genesis;
        Events.Add(new AuditRecord(Events.Count + 1, id, position, entry, prevHash, AuditHasher.Hash(prevHash, AuditHasher.Canonical(position, id, entry))));
        return this;
    }

    public List<AuditHead> Witness() => Events.Select(e => new AuditHead(e.Entry.ClientId, e.Position, e.Hash)).ToList();
}
