using System.Text.Json.Serialization;

namespace Robson.Cli.Rendering;

// The --json contract of the audit, executions and report commands (snake_case, like JsonModels.cs). Amounts in
// typed fields are JSON numbers written exactly from decimal; values inside "details" are strings.

// --- audit ---------------------------------------------------------------------------------------------------
// One event: every stored field. "occurred_at" is written exactly as it appears in the canonical form the hash
// covers (UTC, yyyy-MM-ddTHH:mm:ss.fffffffZ), so an export line can be verified without any conversion. "role" is the
// role of the API token that acted through robson serve ("actor" is then the token's name); null for a local command.
public sealed record AuditEventJson(
    long Sequence, string EventId, long? ClientId, long Position, string Kind, string Result, string? PlanId, string? PlanHash, string OccurredAt,
    string Actor, string Host, string Command, string RobsonVersion, string? Role, IReadOnlyDictionary<string, string> Details, string PreviousHash,
    string Hash);
public sealed record AuditListJson(long? ClientId, string? Since, string? PlanId, int Count, bool Truncated, List<AuditEventJson> Events);
public sealed record AuditShowJson(AuditEventJson Event, bool HashMatches);

public sealed record AuditBreakJson(long? ClientId, long? Position, string? EventId, string Code, string Reason, int? Line);
// A finding beside the links: a record without its event or the reverse (EVENT_MISSING, RECORD_MISSING), a chain that
// disagrees with its witness (CHAIN_TRUNCATED, WITNESS_MISMATCH, WITNESS_DAMAGED) or with --expect-head (EXPECTED_HEAD_MISSING).
public sealed record AuditFindingJson(long? ClientId, string Code, string Reason, long? Position, string? EventId);
public sealed record AuditChainJson(long? ClientId, int Events, string HeadHash, bool Intact, AuditBreakJson? FirstBreak, List<AuditFindingJson> Findings);
// "first_break" is the first broken link, or when every link holds, the first finding; "findings" are the store's own
// (a lost witness), each chain's are in its "findings".
public sealed record AuditVerifyJson(string Status, string Source, int Events, List<AuditChainJson> Chains, AuditBreakJson? FirstBreak, List<AuditFindingJson> Findings);

// --- executions ----------------------------------------------------------------------------------------------
public sealed record ExecutionGuardJson(string Mode, string Name, bool Passed, string Message, IReadOnlyDictionary<string, string> Details, bool BlocksLive, string? Code);
public sealed record ExecutionActionJson(string Mode, string Type, string Description, IReadOnlyDictionary<string, string> Details, string Result);
public sealed record ExecutionOrderJson(
    string Mode, string ClientOrderId, int Leg, string Venue, string Symbol, string Side, string Type, decimal Quantity, decimal? Price,
    string Status, decimal ExecutedQuantity, decimal ExecutedNotional, string? VenueOrderId, string CreatedAt);
public sealed record ExecutionFillJson(
    string Mode, string ClientOrderId, string Symbol, string Side, decimal Price, decimal Quantity, decimal Notional, decimal Fee, string FeeAsset,
    decimal FeeInQuote, string FilledAt);
public sealed record ExecutionTotalsJson(
    int TotalGuards, int PassedGuards, int FailedGuards, int TotalActions, int Orders, int Fills, decimal Notional, decimal Fees, bool Simulated);
public sealed record ExecutionDetailJson(
    string ExecutionId, string PlanId, string PlanHash, long ClientId, string Venue, string Mode, string Status, bool LiveReady, string ExecutedAt, string Order,
    string? Error, List<ExecutionGuardJson> Guards, List<ExecutionActionJson> Actions, List<ExecutionOrderJson> Orders, List<ExecutionFillJson> Fills,
    ExecutionTotalsJson Summary);
public sealed record ExecutionRowJson(
    string ExecutionId, string Mode, string Status, bool LiveReady, string PlanId, string Venue, string ExecutedAt, string Order, int PassedGuards, int TotalGuards,
    List<string> FailedGuards, int Orders, int Fills, decimal Notional, decimal Fees, bool Simulated, string? Error);
public sealed record ExecutionListJson(long ClientId, string? PlanId, int Count, List<ExecutionRowJson> Executions)
{
    /// <summary>The filters the list was asked for (null: not given); "mode" and "status" as the rows write them.</summary>
    public ExecutionFiltersJson Filters { get; init; } = new(null, null, null, null, null, null, null, null);
}
public sealed record ExecutionFiltersJson(string? PlanId, string? Mode, string? Status, string? Venue, string? Symbol, string? BlockedBy, string? From, string? To);

// --- report --------------------------------------------------------------------------------------------------
// "day", "orders", "notional", "realised_pnl", "realised_loss", "realised_pnl_by_symbol" and "strategies" (with
// "limit", "used", "max") are the original fields; for a range, "day" is null. Books are per venue: "venue" is the
// venue asked for (null: every venue), "venues" holds each venue's own figures and limits. The top-level figures add
// up the venues shown (each venue's P&L on its own cost basis); no limit is judged on them. A limit's "scope" says
// which books it counts: "paper" (the paper venue alone) or "real" (every real venue of the tenant together, named
// by a venue's "limits_venues"). The top-level "strategies" are, with --venue, that venue's; without, each limit on
// the scope that used the most of it. "trading_state" is the tenant's kill switch now (StatusJsonModels.cs).
public sealed record LimitUsageJson(string Limit, decimal Used, decimal? Max, string Usage, decimal? Percent, string Day, string Scope);
public sealed record StrategyLimitsJson(long StrategyId, string Name, int Version, List<LimitUsageJson> Limits);
public sealed record SymbolPnlJson(string Venue, string Symbol, decimal RealisedPnl);
public sealed record SymbolActivityJson(
    string Venue, string Symbol, int Orders, decimal Notional, int Fills, decimal BoughtQuantity, decimal SoldQuantity, decimal Fees, decimal RealisedPnl);
public sealed record DayActivityJson(string Day, int Orders, decimal Notional, int Fills, decimal Fees, decimal RealisedPnl);
public sealed record ValidationTallyJson(int Passed, int Warned, int Failed, int Total);
public sealed record ExecutionTallyJson(string Mode, int Succeeded, int Failed, int Blocked, int Total);
public sealed record GuardBlockJson(string Guard, int Count);
public sealed record BlockedAttemptsJson(int Total, int Live, int DryRun, List<GuardBlockJson> ByGuard);
public sealed record VenueReportJson(
    string Venue, bool Real, int Orders, decimal Notional, int Fills, decimal Fees, decimal RealisedPnl, decimal RealisedLoss,
    List<SymbolActivityJson> Symbols, List<DayActivityJson> Days, string LimitsScope, List<string> LimitsVenues, List<StrategyLimitsJson> Strategies);
public sealed record ReportJson(
    long ClientId, string? Day, int Orders, decimal Notional, decimal RealisedPnl, decimal RealisedLoss,
    List<SymbolPnlJson> RealisedPnlBySymbol, List<StrategyLimitsJson> Strategies,
    string From, string To, int Fills, decimal Fees, List<SymbolActivityJson> Symbols, List<DayActivityJson> Days,
    ValidationTallyJson Validations, List<ExecutionTallyJson> Executions, BlockedAttemptsJson Blocked,
    string? Venue, List<VenueReportJson> Venues, TradingStateJson TradingState);

// --- analytics -----------------------------------------------------------------------------------------------
// The series behind the dashboard's charts (GET /v1/analytics); rows only where something happened. A chart's CSV on
// the dashboard is its series' rows with these field names as the header.
public sealed record PnlDayJson(string Day, string Venue, decimal RealisedPnl, decimal Fees);
public sealed record NotionalDayJson(string Day, string Venue, decimal Notional, decimal? MaxNotional);
public sealed record GuardBlocksDayJson(string Day, string Guard, int Blocks);
public sealed record ValidationDayJson(string Day, int Passed, int Warned, int Failed);
public sealed record SlippageJson(string ExecutedAt, string Venue, string Symbol, string Side, string ClientOrderId, decimal AveragePrice, decimal Mid, decimal SlippageBps);
public sealed record AnalyticsJson(
    long ClientId, string From, string To, string? Venue, List<PnlDayJson> PnlByDay, List<NotionalDayJson> NotionalByDay,
    List<GuardBlocksDayJson> BlocksByGuardByDay, List<ValidationDayJson> ValidationsByDay, List<SlippageJson> Slippage);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(AnalyticsJson))]
[JsonSerializable(typeof(AuditEventJson))]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(AuditListJson))]
[JsonSerializable(typeof(AuditShowJson))]
[JsonSerializable(typeof(AuditVerifyJson))]
[JsonSerializable(typeof(ExecutionDetailJson))]
[JsonSerializable(typeof(ExecutionListJson))]
[JsonSerializable(typeof(ReportJson))]
[JsonSerializable(typeof(StatusJson))]
[JsonSerializable(typeof(PositionsJson))]
[JsonSerializable(typeof(TradingStateChangeJson))]
public sealed partial class ReportingJsonContext : JsonSerializerContext;
