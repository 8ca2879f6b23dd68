using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Strategies;

namespace Robson.Core.Validation;

/// <summary>Everything a validator may look at, gathered up front so validators stay pure.</summary>
public sealed record ValidationContext(
    ClientId RequestingClient,
    Plan Plan,
    Strategy? Strategy,
    IReadOnlyDictionary<Symbol, SymbolRules> Rules,
    IReadOnlyDictionary<Symbol, OrderBook> Books);

public interface IPlanValidator
{
    string Name { get; }
    IEnumerable<ValidationIssue> Validate(ValidationContext context);
}
