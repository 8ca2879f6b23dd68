using Robson.Core.Domain;

namespace Robson.Core.Audit;

/// <summary>
/// A problem found beside the chain's own links: a record without its event or an event whose record is gone (the
/// cross-check), or a chain that disagrees with a head witnessed outside it. <see cref="Code"/> is stable;
/// <see cref="Position"/> and <see cref="EventId"/> name the event concerned when there is one.
/// </summary>
public sealed record AuditFinding(ClientId? ClientId, string Code, string Reason)
{
    public long? Position { get; init; }

    public string? EventId { get; init; }

    /// <summary>A stored plan, validation, execution, order or strategy version has no event naming it: its event was deleted.</summary>
    public const string EventMissing = "EVENT_MISSING";

    /// <summary>An event names a plan, validation, execution, order or strategy version that is not stored: the record was deleted.</summary>
    public const string RecordMissing = "RECORD_MISSING";

    /// <summary>The witness saw a position the chain no longer reaches: events were cut from its end.</summary>
    public const string ChainTruncated = "CHAIN_TRUNCATED";

    /// <summary>The event at a witnessed position has another hash than the witness saw: the chain was rewritten from there.</summary>
    public const string WitnessMismatch = "WITNESS_MISMATCH";

    /// <summary>The store's witness of the heads is gone or damaged although it was started (the heads file was removed or edited).</summary>
    public const string WitnessDamaged = "WITNESS_DAMAGED";

    /// <summary>No event of the chain has the hash of a head kept elsewhere (<c>--expect-head</c>): the chain was cut or rewritten.</summary>
    public const string ExpectedHeadMissing = "EXPECTED_HEAD_MISSING";
}
