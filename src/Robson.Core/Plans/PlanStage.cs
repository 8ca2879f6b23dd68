namespace Robson.Core.Plans;

/// <summary>Where a plan stands in plan → validate → execute, one word each.</summary>
public enum PlanStage
{
    /// <summary>Not validated yet (a cancel needs no validation: it is ready for LIVE).</summary>
    New,
    /// <summary>No strategy: it can be dry-run, never validated for LIVE.</summary>
    DryRunOnly,
    /// <summary>The latest validation failed: fix the cause (a new plan, or the strategy) and validate again.</summary>
    ValidationFailed,
    /// <summary>The latest validation passed but no longer authorises LIVE (older than the TTL, or made under other content or strategy version).</summary>
    ValidationLapsed,
    /// <summary>A stored validation authorises LIVE now.</summary>
    ReadyForLive,
    /// <summary>A LIVE execution succeeded: nothing more to do.</summary>
    ExecutedLive,
    /// <summary>LIVE orders were recorded but no LIVE execution succeeded: they are never sent again; see the execution.</summary>
    SentLive,
}

public static class PlanStageText
{
    public static string Wire(this PlanStage stage) => stage switch
    {
        PlanStage.New => "NEW",
        PlanStage.DryRunOnly => "DRY_RUN_ONLY",
        PlanStage.ValidationFailed => "VALIDATION_FAILED",
        PlanStage.ValidationLapsed => "VALIDATION_LAPSED",
        PlanStage.ReadyForLive => "READY_FOR_LIVE",
        PlanStage.ExecutedLive => "EXECUTED_LIVE",
        _ => "SENT_LIVE",
    };
}
