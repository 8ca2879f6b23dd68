using System.Text.Json.Serialization;

namespace Robson.Cli.Rendering;

// The --json contract. Field names follow DESIGN §2 (snake_case); amounts in typed fields are JSON numbers
// written exactly from decimal; values inside "details" are strings so no consumer rounds them.

/// <summary>
/// "blocks_live": this guard would block LIVE (for a DRY-RUN: judged again as LIVE on the same state); "code": why it
/// failed, from the guard code catalogue (null when it passed).
/// </summary>
public sealed record GuardJson(string Name, bool Passed, string Message, IReadOnlyDictionary<string, string> Details, bool BlocksLive, string? Code);
public sealed record ActionJson(string Type, string Description, IReadOnlyDictionary<string, string> Details, string Result);
public sealed record ExecutionMetadataJson(string PlanId, long ClientId, string Mode, string PlanHash, string Venue, string ExecutionId);
public sealed record ExecutionSummaryJson(int TotalGuards, int PassedGuards, int FailedGuards, int TotalActions);
/// <summary>"live_ready": guards were evaluated and none would block LIVE.</summary>
public sealed record ExecutionJson(
    string ExecutionId, string PlanHash, string Status, string Mode, bool LiveReady, List<GuardJson> Guards, List<ActionJson> Actions,
    ExecutionMetadataJson Metadata, string ExecutedAt, string? Error, ExecutionSummaryJson Summary, List<string> Notices);

public sealed record IssueJson(string Code, string Severity, string Message, IReadOnlyDictionary<string, string> Details);
public sealed record ValidationMetadataJson(string PlanId, string PlanHash, long ClientId, long? StrategyId, int? StrategyVersion, string ValidationId, string ValidatedAt);
public sealed record ValidationSummaryJson(int TotalIssues, int Failures, int Warnings);
public sealed record ValidationJson(string ValidationId, string Status, List<IssueJson> Issues, ValidationMetadataJson Metadata, ValidationSummaryJson Summary);

/// <summary>"quote_quantity": for a buy by quote amount, what it spends up to ("quantity" is then 0: the venue decides it).</summary>
public sealed record LegJson(string Symbol, string Side, string Type, decimal Quantity, decimal? LimitPrice, decimal? StopLoss,
    decimal? TakeProfit = null, string? TimeInForce = null, string? CancelsOrder = null, decimal? QuoteQuantity = null);
public sealed record AllocationJson(string Asset, decimal CurrentQuantity, decimal Price, decimal CurrentPercent, decimal TargetPercent, decimal TargetQuantity);
public sealed record PlanJson(
    string PlanId, long ClientId, long? StrategyId, string Kind, string Venue, string Hash, string CreatedAt, List<LegJson> Legs,
    List<string> NextSteps, List<AllocationJson> Allocation, List<string> Notes)
{
    /// <summary>Where the plan stands (plans list|show only; absent when a plan is just made, which has no history).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PlanStatusJson? Status { get; init; }
}

/// <summary>"stage": see PlanStage; "possible": what can still be done, in order; next_steps then lists the same commands.</summary>
public sealed record PlanStatusJson(string Stage, PlanValidationJson? Validation, List<PlanExecutionJson> Executions, bool SentLive,
    List<PlanActionJson> Possible, List<string> Notes);
/// <summary>The latest validation, judged as LIVE would judge it now: "authorises_live" false gives the reason in "lapse".</summary>
public sealed record PlanValidationJson(string ValidationId, string Status, string ValidatedAt, string ExpiresAt, bool WithinTtl, bool SameHash,
    bool SameStrategyVersion, bool AuthorisesLive, string? Lapse);
public sealed record PlanExecutionJson(string ExecutionId, string Mode, string Status, string ExecutedAt);
public sealed record PlanActionJson(string Action, string Command);
public sealed record PlanListJson(long ClientId, List<PlanJson> Plans);

// A strategy's JSON is written from its setting declarations: Commands/Strategy/StrategyJson.cs.

/// <summary>"locked": held by the tenant's resting orders on the venue, not part of "free".</summary>
public sealed record BalanceJson(string Asset, decimal Free, decimal Locked);
public sealed record PaperBalancesJson(long ClientId, string Venue, List<BalanceJson> Balances);
/// <summary>"fills": the resting orders the new price filled, one entry per order (what it filled now, where it stands).</summary>
public sealed record PaperPriceJson(string Symbol, decimal Price, decimal Previous, string Venue, List<PaperFillJson> Fills);
public sealed record PaperFillJson(long ClientId, string ClientOrderId, string? ListClientOrderId, string Side, decimal Quantity, string Symbol, decimal Price,
    string Status, decimal ExecutedQuantity, List<string> TradeIds);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ExecutionJson))]
[JsonSerializable(typeof(ValidationJson))]
[JsonSerializable(typeof(PlanJson))]
[JsonSerializable(typeof(PlanListJson))]
[JsonSerializable(typeof(PaperBalancesJson))]
[JsonSerializable(typeof(PaperPriceJson))]
public sealed partial class RobsonJsonContext : JsonSerializerContext;
