namespace Robson.Core.Validation;

/// <summary>The plan and its strategy belong to the tenant asking.</summary>
public sealed class TenantIsolationValidator : IPlanValidator
{
    public string Name => "TenantIsolation";

    public IEnumerable<ValidationIssue> Validate(ValidationContext context)
    {
        if (context.Plan.ClientId != context.RequestingClient)
            yield return ValidationIssue.Failure(ValidationCodes.TenantMismatch, "Plan does not belong to this tenant",
                ("client_id", context.RequestingClient.Value));
        if (context.Strategy is { } strategy && strategy.ClientId != context.RequestingClient)
            yield return ValidationIssue.Failure(ValidationCodes.TenantMismatch, "Strategy does not belong to this tenant",
                ("client_id", context.RequestingClient.Value));
    }
}
