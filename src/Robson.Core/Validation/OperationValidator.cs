using Robson.Core.Domain;

namespace Robson.Core.Validation;

/// <summary>Each leg states what to trade: a symbol, a quantity &gt; 0 (or, for a market buy, a quote amount &gt; 0) and, for a limit, a price &gt; 0.</summary>
public sealed class OperationValidator : IPlanValidator
{
    public string Name => "Operation";

    public IEnumerable<ValidationIssue> Validate(ValidationContext context)
    {
        if (context.Plan.Legs.Count == 0)
            yield return ValidationIssue.Failure(ValidationCodes.OperationTypeMissing, "Plan has no order to place");
        for (var i = 0; i < context.Plan.Legs.Count; i++)
        {
            var leg = context.Plan.Legs[i];
            if (leg.IsCancel) continue; // a sell plan's cancel of a protective order: no order of its own
            if (string.IsNullOrEmpty(leg.Symbol.Value))
                yield return ValidationIssue.Failure(ValidationCodes.SymbolMissing, "Symbol is missing", ("leg", i + 1));
            if (leg.QuoteQuantity is { } quote)
            {
                // The plan states the amount to spend; its quantity is estimated from the book (SymbolRules checks the lot).
                if (quote <= 0 || leg.Type != OrderType.Market || leg.Side != OrderSide.Buy)
                    yield return ValidationIssue.Failure(ValidationCodes.QuantityInvalid, "An order by quote amount must be a MARKET BUY of an amount greater than 0",
                        ("leg", i + 1), ("quote_quantity", quote));
            }
            else if (leg.Quantity <= 0)
                yield return ValidationIssue.Failure(ValidationCodes.QuantityInvalid, "Quantity must be greater than 0", ("leg", i + 1), ("quantity", leg.Quantity));
            if (leg.Type == OrderType.Limit && leg.LimitPrice is not > 0)
                yield return ValidationIssue.Failure(ValidationCodes.PriceInvalid, "A limit order needs a price greater than 0", ("leg", i + 1), ("price", leg.LimitPrice));
            if (leg.StopLoss is <= 0)
                yield return ValidationIssue.Failure(ValidationCodes.PriceInvalid, "Stop-loss price must be greater than 0", ("leg", i + 1), ("stop_loss", leg.StopLoss));
        }
    }
}
