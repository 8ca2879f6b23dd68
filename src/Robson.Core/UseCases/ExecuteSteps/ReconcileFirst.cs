using Robson.Core.Execution;

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
            run.Notices.Add(new ReconciledFirst(report.Resolved.Count));
        if (report.Orphans.Count > 0)
            run.Notices.Add(new OrphanOrders(report.Orphans.Select(o => o.ClientOrderId).ToList()));
        // Only real money halts the tenant by itself: paper's loss limit holds on paper alone (ExecutionLimits).
        if (!run.RealVenue) return;
        using var tx = run.Store.BeginExclusive(run.ClientId);
        var now = run.VenueNow();
        if (new ManageTradingState(run.Env).HaltAtLossLimit(run.ClientId, run.Strategy, ExecutionRun.DayOf(now), now) is { } halt)
            run.Notices.Add(halt);
        tx.Commit();
    }
}
