using Robson.Core.Domain;

namespace Robson.Core.Execution;

/// <summary>Something that happened during an execution besides its orders; the renderers put it in words.</summary>
public abstract record ExecutionNotice;

/// <summary>Reconcile, run first, settled orders of the tenant from the venue's records.</summary>
public sealed record ReconciledFirst(int Settled) : ExecutionNotice;

/// <summary>The venue holds open orders with Robson's prefix that have no record here.</summary>
public sealed record OrphanOrders(IReadOnlyList<string> ClientOrderIds) : ExecutionNotice;

/// <summary>Robson halted the tenant by itself (today's realised loss reached max_loss_per_day).</summary>
public sealed record AutomaticHalt(ClientId ClientId, string Reason) : ExecutionNotice;

/// <summary>
/// An entry filled but its position has no protective order on the venue (the stop-loss is not working): the position,
/// why, and the command that places the protection again.
/// </summary>
public sealed record UnprotectedPosition(ClientId ClientId, string EntryClientOrderId, string Venue, Symbol Symbol, decimal Quantity, string Reason,
    string RetryCommand) : ExecutionNotice;
