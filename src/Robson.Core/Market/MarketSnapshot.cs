using Robson.Core.Domain;

namespace Robson.Core.Market;

/// <summary>
/// What a venue said about the plan's symbols at one moment: their rules and books, the taker fee, and the tenant's
/// balances valued at the mids (null when the venue gives balances only with credentials this command did not load).
/// </summary>
public sealed record MarketSnapshot(
    IReadOnlyDictionary<Symbol, SymbolRules> Rules,
    IReadOnlyDictionary<Symbol, OrderBook> Books,
    AccountSnapshot? Account,
    decimal TakerFeeRate)
{
    public static readonly MarketSnapshot Empty = new(new Dictionary<Symbol, SymbolRules>(), new Dictionary<Symbol, OrderBook>(), null, 0m);

    public decimal? Mid(Symbol symbol) => Books.TryGetValue(symbol, out var book) ? book.Mid : null;

    /// <summary>The mid of each symbol, as recorded with a validation ("BTCUSDT" → "56000"), for comparison at send time.</summary>
    public IReadOnlyDictionary<string, string> Mids() =>
        Books.Where(b => b.Value.Mid is not null).ToDictionary(b => b.Key.Value, b => Decimals.Canonical(b.Value.Mid!.Value));
}
