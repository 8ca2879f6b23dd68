using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Guards;
using Robson.Core.Ports;
using Robson.Core.Reporting;
using Robson.Core.Status;
using Robson.Core.Strategies;

namespace Robson.Core.UseCases;

/// <summary>
/// Reads (never writes) where a tenant stands now, venue by venue: the kill switch, today's usage of each daily limit
/// (the figures the ExecutionLimits guard and <c>robson report</c> use), positions valued at the venue's mid, open
/// orders, orders of unknown outcome, and validated plans not yet run LIVE. "Today" and the TTLs are read on the local
/// clock (<see cref="RobsonEnvironment.Time"/>), as the report reads them: asking a real venue for its clock would cost
/// a request per venue for a view that is at most a second off.
/// </summary>
public sealed class ShowStatus(RobsonEnvironment env)
{
    /// <summary>The whole status, on <paramref name="venue"/> or on each venue the tenant uses (paper always). An unknown venue is an input error.</summary>
    public Outcome<TenantStatus> Execute(ClientId clientId, string? venue = null)
    {
        if (Venues(clientId, venue) is not { } venues) return Outcome<TenantStatus>.Refuse($"unknown venue '{venue}' for client {clientId}");
        var store = env.Store;
        var now = env.Time.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var strategies = store.ListStrategies(clientId);
        var known = KnownVenues(clientId);
        var limits = venues.Select(VenueScope.LimitsOf).Distinct()
            .ToDictionary(scope => scope, scope => LimitsOf(clientId, scope, day, strategies, known.Where(scope.Includes).Order(StringComparer.Ordinal).ToList()));
        var pending = PendingPlans(clientId, strategies, now);
        var positions = Positions(clientId, venues);

        var result = venues.Select(name =>
        {
            var unknown = store.UnresolvedOrders(clientId, name);
            return new VenueStatus(name, limits[VenueScope.LimitsOf(name)], positions.Where(p => p.Venue == name).ToList(),
                store.RestingOrders(clientId, name), unknown, pending.Where(p => p.Plan.Venue == name).ToList(),
                unknown.Count > 0 ? $"robson reconcile --client-id {clientId} --venue {name}" : null);
        }).ToList();
        var reset = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return new TenantStatus(clientId, now, day, new DateTimeOffset(reset) - now, TradingStateQuery.Read(store, clientId), result);
    }

    /// <summary>Only the positions (on <paramref name="venue"/> or every venue), each valued at its venue's mid.</summary>
    public Outcome<IReadOnlyList<PositionStatus>> ExecutePositions(ClientId clientId, string? venue = null) =>
        Venues(clientId, venue) is { } venues
            ? Outcome<IReadOnlyList<PositionStatus>>.Ok(Positions(clientId, venues))
            : Outcome<IReadOnlyList<PositionStatus>>.Refuse($"unknown venue '{venue}' for client {clientId}");

    /// <summary>Paper, the tenant's venues, and venues it traded on before (removed since): the venues that can be named.</summary>
    private List<string> KnownVenues(ClientId clientId) =>
        env.Store.ListVenues(clientId).Select(v => v.Name).Concat(env.Store.VenuesWithOrders(clientId))
            .Prepend(VenueScope.PaperVenue).Distinct().ToList();

    /// <summary>The venues shown, paper first; null when <paramref name="venue"/> is not one of the tenant's.</summary>
    private List<string>? Venues(ClientId clientId, string? venue)
    {
        var known = KnownVenues(clientId);
        if (venue is null) return known.OrderBy(VenueScope.IsReal).ThenBy(v => v, StringComparer.Ordinal).ToList();
        if (string.Equals(venue, VenueScope.PaperVenue, StringComparison.OrdinalIgnoreCase)) return [VenueScope.PaperVenue]; // as plans name it: any case
        return known.Contains(venue) ? [venue] : null;
    }

    private ScopeLimits LimitsOf(ClientId clientId, VenueScope scope, DateOnly day, IReadOnlyList<Strategy> strategies, IReadOnlyList<string> venues)
    {
        var usage = DailyUsageQuery.For(env.Store, clientId, scope, day);
        return new ScopeLimits(scope, venues, strategies.Select(s => new StrategyLimits(s,
        [
            new LimitUsage(LimitUsage.OrdersLimit, usage.Orders, s.Settings.MaxOrdersPerDay, day, scope),
            new LimitUsage(LimitUsage.NotionalLimit, usage.Notional, s.Settings.MaxNotionalPerDay, day, scope),
            new LimitUsage(LimitUsage.LossLimit, usage.RealisedLoss, s.Settings.MaxLossPerDay, day, scope),
        ])).ToList());
    }

    private List<PositionStatus> Positions(ClientId clientId, IReadOnlyList<string> venues)
    {
        var store = env.Store;
        var held = venues.SelectMany(v => store.Positions(clientId, v)).Where(p => p.Position.Quantity != 0m).ToList();
        var resting = held.Select(p => p.Key.Venue).Distinct().ToDictionary(v => v, v => store.RestingOrders(clientId, v));
        var market = new MidReader(env.Venues, clientId);
        return held.Select(p =>
        {
            var (mid, why) = market.Mid(p.Key);
            return new PositionStatus(p.Key.Venue, p.Key.Symbol, p.Position.Quantity, p.Position.AverageCost, p.Position.CostBasis, mid, why,
                resting[p.Key.Venue].Where(o => o.Role.IsProtective && o.Symbol == p.Key.Symbol).ToList());
        }).ToList();
    }

    /// <summary>
    /// Plans whose latest validation still authorises LIVE as the ValidationRequired guard would judge it now (PASS or
    /// WARNING, of this hash, under the strategy's current version, within its TTL) and that sent no LIVE order yet.
    /// Cancel plans need no validation, so none is pending. A fixed number of queries, however many plans the tenant has.
    /// </summary>
    private List<PendingPlan> PendingPlans(ClientId clientId, IReadOnlyList<Strategy> strategies, DateTimeOffset now)
    {
        var store = env.Store;
        var histories = store.PlanHistories(clientId, null);
        var pending = new List<PendingPlan>();
        foreach (var plan in store.ListPlans(clientId).Where(p => p.Kind != PlanKind.Cancel))
        {
            var strategy = strategies.FirstOrDefault(s => s.Id == plan.StrategyId);
            if (strategy is null || !histories.TryGetValue(plan.Id, out var history) || history.LatestValidation is not { } validation) continue;
            if (validation.Status == ValidationStatus.Fail || validation.PlanHash != plan.Hash) continue;
            if (validation.StrategyId != strategy.Id || validation.StrategyVersion != strategy.Version) continue;
            if (validation.ValidatedAt - now > ValidationRequiredGuard.FutureTolerance) continue;
            var expires = validation.ValidatedAt + TimeSpan.FromMinutes(strategy.Settings.ValidationTtlMinutes);
            if (expires < now || history.SentLive) continue;
            pending.Add(new PendingPlan(plan, validation, expires, expires - now));
        }
        return pending.OrderBy(p => p.ExpiresAt).ToList();
    }
}
