using Robson.Core.Domain;

namespace Robson.Core.Reporting;

/// <summary>
/// Which executions a list shows; every criterion given must hold. <see cref="BlockedBy"/> names a guard that failed in
/// a BLOCKED execution (as in the execution's guards); <see cref="From"/> and <see cref="To"/> are UTC days of the execution, inclusive.
/// </summary>
public sealed record ExecutionFilter(
    string? PlanId = null, ExecutionMode? Mode = null, ExecutionStatus? Status = null, string? Venue = null, Symbol? Symbol = null,
    string? BlockedBy = null, DateOnly? From = null, DateOnly? To = null)
{
    public static readonly ExecutionFilter None = new();
}
