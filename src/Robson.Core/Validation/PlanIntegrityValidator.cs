using Robson.Core.Plans;

namespace Robson.Core.Validation;

/// <summary>The plan's stored content still matches its hash (<see cref="PlanIntegrity"/>).</summary>
public sealed class PlanIntegrityValidator : IPlanValidator
{
    public string Name => "PlanIntegrity";

    public IEnumerable<ValidationIssue> Validate(ValidationContext context)
    {
        if (PlanIntegrity.Check(context.Plan) is { } tampering)
            yield return ValidationIssue.Failure(ValidationCodes.PlanTampered, tampering.Message, tampering.Details);
    }
}
