using Robson.Core.Domain;

namespace Robson.Core.Audit;

/// <summary>
/// The first broken link of a chain: the tenant (null for the chain of events without a tenant), the position
/// in that chain, the event found there and why the link does not hold. <see cref="Code"/> is stable.
/// </summary>
public sealed record AuditBreak(ClientId? ClientId, long Position, string EventId, string Code, string Reason)
{
    /// <summary>A position is missing: the chain jumps over it, so an event was deleted.</summary>
    public const string PositionGap = "POSITION_GAP";

    /// <summary>Two events claim the same position, so one was inserted or duplicated.</summary>
    public const string PositionRepeated = "POSITION_REPEATED";

    /// <summary>The event does not point at the hash of the event before it: something before it was removed, replaced or inserted.</summary>
    public const string PreviousHashMismatch = "PREVIOUS_HASH_MISMATCH";

    /// <summary>The event's content does not hash to its stored hash: it was edited (or forged without the right hash).</summary>
    public const string HashMismatch = "HASH_MISMATCH";

    /// <summary>The event's global sequence number is not after its predecessor's: events were reordered.</summary>
    public const string SequenceOutOfOrder = "SEQUENCE_OUT_OF_ORDER";
}
