namespace Robson.Cli.Tests.Support.FakeBinance;

/// <summary>
/// Balances (free and locked) and commission of the fake's single account. Commission is charged in the
/// asset received: base for buys, quote for sells. Only touched under the exchange's lock.
/// </summary>
internal sealed class FakeAccount
{
    private readonly SortedDictionary<string, (decimal Free, decimal Locked)> _balances = new(StringComparer.Ordinal);

    public decimal MakerCommission { get; set; } = 0.001m;
    public decimal TakerCommission { get; set; } = 0.001m;

    public FakeAccount()
    {
        foreach (var (asset, amount) in new[] { ("USDT", 1_000_000m), ("BTC", 10m), ("ETH", 100m), ("BNB", 1000m), ("SOL", 1000m) })
            _balances[asset] = (amount, 0m);
    }

    public void Set(string asset, decimal free) => _balances[asset] = (free, Get(asset).Locked);

    public FakeBalance Get(string asset) =>
        _balances.TryGetValue(asset, out var b) ? new FakeBalance(asset, b.Free, b.Locked) : new FakeBalance(asset, 0m, 0m);

    public IEnumerable<FakeBalance> All => _balances.Select(kv => new FakeBalance(kv.Key, kv.Value.Free, kv.Value.Locked));

    public decimal Free(string asset) => Get(asset).Free;

    private void Add(string asset, decimal free, decimal locked)
    {
        var b = Get(asset);
        _balances[asset] = (b.Free + free, b.Locked + locked);
    }

    /// <summary>Moves an open order's reserve from free to locked.</summary>
    public void Lock(string asset, decimal amount) => Add(asset, -amount, amount);

    /// <summary>Gives an open order's unused reserve back.</summary>
    public void Unlock(string asset, decimal amount) => Add(asset, amount, -amount);

    /// <summary>
    /// Settles one trade: the buyer pays quote (from <paramref name="fromLocked"/> funds when the order had a
    /// reserve) and receives base less commission; the seller the other way round. Returns the commission.
    /// </summary>
    public (decimal Commission, string Asset) Settle(SymbolSpec spec, bool buy, decimal price, decimal qty, bool maker, bool fromLocked, decimal lockedPrice)
    {
        var rate = maker ? MakerCommission : TakerCommission;
        var quote = price * qty;
        if (buy)
        {
            var commission = Round(qty * rate);
            if (fromLocked)
            {
                // The reserve was taken at the order's price; a better fill gives the difference back.
                Add(spec.QuoteAsset, lockedPrice * qty - quote, -lockedPrice * qty);
            }
            else
            {
                Add(spec.QuoteAsset, -quote, 0);
            }
            Add(spec.BaseAsset, qty - commission, 0);
            return (commission, spec.BaseAsset);
        }
        else
        {
            var commission = Round(quote * rate);
            if (fromLocked) Add(spec.BaseAsset, 0, -qty);
            else Add(spec.BaseAsset, -qty, 0);
            Add(spec.QuoteAsset, quote - commission, 0);
            return (commission, spec.QuoteAsset);
        }
    }

    public static decimal Round(decimal value) => Math.Round(value, SymbolSpec.Precision, MidpointRounding.AwayFromZero);
}
