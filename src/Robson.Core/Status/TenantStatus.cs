using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Plans;
using Robson.Core.Reporting;
using Robson.Core.Validation;

namespace Robson.Core.Status;

/// <summary>
/// A tenant at a glance, now: the kill switch, and per venue its daily limits (as an order on it is judged), positions,
/// open orders, orders of unknown outcome and plans validated for LIVE but not yet run LIVE. <see cref="Day"/> is the
/// UTC day the limits count, <see cref="UntilReset"/> the time left until they start again at 00:00 UTC.
/// </summary>
public sealed record TenantStatus(
    ClientId ClientId,
    DateTimeOffset Now,
    DateOnly Day,
    TimeSpan UntilReset,
    TradingStateView Trading,
    IReadOnlyList<VenueStatus> Venues);

/// <summary>
/// One venue of the tenant. <see cref="Limits"/> are judged as for an order on this venue: the paper venue alone, or
/// every real venue together. <see cref="SettleCommand"/> is the command that settles <see cref="UnknownOrders"/>.
/// </summary>
public sealed record VenueStatus(
    string Venue,
    ScopeLimits Limits,
    IReadOnlyList<PositionStatus> Positions,
    IReadOnlyList<OrderRecord> OpenOrders,
    IReadOnlyList<OrderRecord> UnknownOrders,
    IReadOnlyList<PendingPlan> PendingPlans,
    string? SettleCommand)
{
    public bool Real => VenueScope.IsReal(Venue);
}

/// <summary>
/// What Robson holds of one symbol on one venue (average cost, fees included) valued at the venue's mid:
/// <see cref="UnrealisedPnl"/> = mid × quantity − cost basis, before the fee of selling. <see cref="Mid"/> is null when
/// the venue could not be asked (<see cref="MidUnavailable"/> says why). <see cref="Protections"/> are the protective
/// orders resting for it.
/// </summary>
public sealed record PositionStatus(
    string Venue,
    Symbol Symbol,
    decimal Quantity,
    decimal AverageCost,
    decimal CostBasis,
    decimal? Mid,
    string? MidUnavailable,
    IReadOnlyList<OrderRecord> Protections)
{
    public decimal? MarketValue => Mid is { } mid ? mid * Quantity : null;
    public decimal? UnrealisedPnl => MarketValue is { } value ? value - CostBasis : null;
}

/// <summary>A plan whose latest validation (PASS or WARNING, of its exact hash) still authorises LIVE until <see cref="ExpiresAt"/>.</summary>
public sealed record PendingPlan(Plan Plan, ValidationStamp Validation, DateTimeOffset ExpiresAt, TimeSpan TtlLeft);
