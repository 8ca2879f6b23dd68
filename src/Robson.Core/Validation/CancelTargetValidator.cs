namespace Robson.Core.Validation;

/// <summary>A cancel plan names orders Robson placed that are still open (ACKED or PARTIALLY_FILLED).</summary>
public sealed class CancelTargetValidator : IPlanValidator
{
    public string Name => "CancelTarget";

    public IEnumerable<ValidationIssue> Validate(ValidationContext context)
    {
        foreach (var leg in context.Plan.Legs.Where(l => l.IsCancel))
        {
            var status = context.OrderStatuses.GetValueOrDefault(leg.CancelsOrder!);
            if (status is not { MayRest: true })
                yield return ValidationIssue.Failure(ValidationCodes.OrderNotOpen,
                    $"Order {leg.CancelsOrder} is not open ({status?.Wire ?? "no such order"}): nothing to cancel",
                    ("client_order_id", leg.CancelsOrder), ("status", status?.Wire ?? "NONE"));
        }
    }
}
