using Robson.Core.Domain;

namespace Robson.Core.Plans;

/// <summary>What a plan's status needs of a validation: its verdict and what it was bound to, not its issues.</summary>
public sealed record ValidationStamp(
    string ValidationId, string PlanHash, long? StrategyId, int? StrategyVersion, ValidationStatus Status, DateTimeOffset ValidatedAt);

/// <summary>One attempt to execute a plan, as a plan's status lists it.</summary>
public sealed record ExecutionStamp(string ExecutionId, ExecutionMode Mode, ExecutionStatus Status, DateTimeOffset ExecutedAt);

/// <summary>
/// What happened to one plan since it was made: its latest validation, its executions (oldest first) and whether any
/// LIVE order of it was recorded (and so may have reached a venue: it is never sent again).
/// </summary>
public sealed record PlanHistory(ValidationStamp? LatestValidation, IReadOnlyList<ExecutionStamp> Executions, bool SentLive)
{
    public static readonly PlanHistory None = new(null, [], false);
}
