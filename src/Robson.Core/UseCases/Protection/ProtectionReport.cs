using Robson.Core.Execution;
using Robson.Core.Ports;

namespace Robson.Core.UseCases.Protection;

/// <summary>Where a filled entry's protection stands after Robson looked at it.</summary>
public enum ProtectionState
{
    /// <summary>A protective order covering what the entry holds rests on the venue.</summary>
    Protected,

    /// <summary>Nothing to protect: no stop-loss, nothing bought yet, or the position was closed or deliberately unprotected (a sell canceled it).</summary>
    NotNeeded,

    /// <summary>A protective order's outcome is still open: reconcile settles it, and no second one is placed meanwhile.</summary>
    InFlight,

    /// <summary>The position has no protective order on the venue: placing it failed (rejected, not placed, unknown, filters, venue down).</summary>
    Unprotected,
}

/// <summary>One order Robson sent for an entry's protection: the protective order, the cancel of one it replaces, or a close.</summary>
public sealed record ProtectionStep(string Action, OrderRecord Order, VenueOrderResult Answer);

/// <summary>What <see cref="ProtectEntry"/> did for one entry, and where its protection stands.</summary>
public sealed record ProtectionReport(OrderRecord Entry, ProtectionState State, string Message, IReadOnlyList<ProtectionStep> Steps)
{
    /// <summary>The command that places the protective order again once the cause is fixed.</summary>
    public string RetryCommand => $"robson protect --client-id {Entry.ClientId} --order {Entry.ClientOrderId}";
}
