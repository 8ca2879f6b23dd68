namespace Robson.Cli.Rendering;

// The --json contract of `status`, `positions` and the report's "trading_state" (snake_case, serialised through
// ReportingJsonContext). Amounts are JSON numbers written exactly from decimal; times are ISO-8601 UTC.

// The kill switch, per tenant (it holds on every venue): "state" ACTIVE, REDUCING or HALTED; "by" the user@host of the
// audit event that set it (null: never changed); "automatic": Robson halted by itself at max_loss_per_day.
public sealed record TradingStateJson(string State, string? Reason, string? Since, string? By, bool Automatic);

/// <summary>What `halt`, `reduce-only` and `resume` answer: the tenant's kill switch after the change, as status shows it.</summary>
public sealed record TradingStateChangeJson(long ClientId, TradingStateJson TradingState);

// "unrealised_pnl" = mid × quantity − cost_basis (fees of buying included, of selling not); null with "mid_unavailable"
// when the venue could not be asked.
public sealed record PositionJson(
    string Venue, string Symbol, decimal Quantity, decimal AverageCost, decimal CostBasis, decimal? Mid, decimal? MarketValue, decimal? UnrealisedPnl,
    string? MidUnavailable, List<OrderJson> Protections);

// A plan validated for LIVE (PASS or WARNING) and not run LIVE yet; its validation authorises LIVE until "expires_at".
public sealed record PendingPlanJson(
    string PlanId, string Kind, List<string> Legs, string Validation, string ValidatedAt, string ExpiresAt, long TtlLeftSeconds, string ExecuteCommand);

// "strategies": each strategy's daily limits today as an order on this venue is judged ("limits_scope" paper: the
// paper venue alone; real: every venue in "limits_venues" together). "settle_command" settles "unknown_orders".
public sealed record VenueStatusJson(
    string Venue, bool Real, string LimitsScope, List<string> LimitsVenues, List<StrategyLimitsJson> Strategies, List<PositionJson> Positions,
    List<OrderJson> OpenOrders, List<OrderJson> UnknownOrders, string? SettleCommand, List<PendingPlanJson> PendingPlans);

// "day": the UTC day the limits count; they start again at "resets_at" (00:00 UTC), "seconds_until_reset" from "now".
public sealed record StatusJson(
    long ClientId, string Now, string Day, string ResetsAt, long SecondsUntilReset, TradingStateJson TradingState, List<VenueStatusJson> Venues);

public sealed record PositionsJson(long ClientId, string? Venue, List<PositionJson> Positions);
