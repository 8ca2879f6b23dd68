using Robson.Core.Execution;

namespace Robson.Cli.Commands.Execute;

/// <summary>An execution's notices in words, for the human report and the JSON `notices` list.</summary>
public static class ExecutionNotices
{
    public static string Sentence(ExecutionNotice notice) => notice switch
    {
        ReconciledFirst r => $"Reconciled first: {r.Settled} order(s) settled from the venue's records",
        OrphanOrders o => $"The venue holds {o.ClientOrderIds.Count} open order(s) with Robson's prefix and no record here: {string.Join(", ", o.ClientOrderIds)}",
        AutomaticHalt h => $"Trading HALTED for client {h.ClientId}: {h.Reason}. Resume with `robson resume --client-id {h.ClientId} --acknowledge-risk`.",
        UnprotectedPosition u => $"UNPROTECTED: {Robson.Core.Domain.Decimals.Canonical(u.Quantity)} {u.Symbol} bought by {u.EntryClientOrderId} on '{u.Venue}' has no protective order on the venue: {u.Reason}. " +
                                 $"Fix the cause, then retry with `{u.RetryCommand}`.",
        _ => notice.ToString(),
    };
}
