using Robson.Core.Domain;

namespace Robson.Core.Market;

/// <summary>A tenant's balances on a venue and each asset's price in the quote asset, so equity can be valued.</summary>
public sealed record AccountSnapshot(string QuoteAsset, IReadOnlyDictionary<string, decimal> Balances, IReadOnlyDictionary<string, decimal> Prices)
{
    public decimal Free(string asset) => Balances.GetValueOrDefault(asset);

    public decimal PriceOf(string asset) => asset == QuoteAsset ? 1m : Prices.GetValueOrDefault(asset);

    /// <summary>Assets locked by resting orders (e.g. a protective stop): not free to spend, but still part of equity.</summary>
    public IReadOnlyDictionary<string, decimal> Locked { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Total value in the quote asset, locked assets included; assets without a price count as zero.</summary>
    public decimal Equity => Balances.Sum(b => b.Value * PriceOf(b.Key)) + Locked.Sum(b => b.Value * PriceOf(b.Key));

    /// <summary>Builds the snapshot from the venue's symbols: each base asset priced at its quote symbol's mid.</summary>
    public static AccountSnapshot From(string quoteAsset, IReadOnlyDictionary<string, decimal> balances,
        IEnumerable<SymbolRules> symbols, Func<Symbol, decimal?> mid)
    {
        var prices = new Dictionary<string, decimal>();
        foreach (var rules in symbols.Where(r => r.QuoteAsset == quoteAsset))
            if (mid(rules.Symbol) is { } price)
                prices[rules.BaseAsset] = price;
        return new AccountSnapshot(quoteAsset, balances, prices);
    }
}
