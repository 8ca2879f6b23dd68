using Robson.Core.Domain;

namespace Robson.Core.UseCases.ExecuteSteps;

/// <summary>
/// Step 1, LIVE only: settle the tenant's open and unknown orders on the venue from its records, halt if the fills
/// found take today's loss to the limit, and say if the venue holds orders Robson has no record of.
/// </summary>
internal static class ReconcileFirst
{
    public static void Run(ExecutionRun run)
    {
        var report = new ReconcileOrders(run.Env).Run(run.ClientId, run.Venue.Name);
        if (report.Resolved.Count > 0)
            run.Notices.Add($"Reconciled first: {report.Resolved.Count} order(s) settled from the venue's records");
        if (report.Orphans.Count > 0)
            run.Notices.Add($"The venue holds {report.Orphans.Count} open order(s) with Robson's prefix and no record here: {string.Join(", ", report.Orphans.Select(o => o.ClientOrderId))}");
        using var tx = run.Store.BeginExclusive();
        var now = run.Venue.Now();
        if (new ManageTradingState(run.Env).HaltAtLossLimit(run.ClientId, run.Strategy, ExecutionRun.DayOf(now), now) is { } halt)
            run.Notices.Add(halt.Notice);
        tx.Commit();
    }
}
