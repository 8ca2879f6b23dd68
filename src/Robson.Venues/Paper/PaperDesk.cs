using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.UseCases;

namespace Robson.Venues.Paper;

/// <summary>Inspects and adjusts the paper venue: balances, deposits and reference prices. Changes are audited.</summary>
public sealed class PaperDesk(RobsonEnvironment env, PaperVenue venue)
{
    public IReadOnlyDictionary<string, decimal> Balances(ClientId clientId) => venue.BalancesOf(clientId);

    public Outcome<IReadOnlyDictionary<string, decimal>> Deposit(ClientId clientId, string asset, decimal amount)
    {
        asset = asset.Trim().ToUpperInvariant();
        if (!PaperInstruments.Assets.Contains(asset))
            return Outcome<IReadOnlyDictionary<string, decimal>>.Refuse($"unknown asset '{asset}' (paper venue assets: {string.Join(", ", PaperInstruments.Assets)})");
        var now = env.Time.GetUtcNow();
        using var tx = env.Store.BeginExclusive();
        var balances = venue.BalancesOf(clientId);
        foreach (var (a, free) in balances)
            env.Store.SetBalance(clientId, a, free); // materialise the defaults before changing one
        env.Store.SetBalance(clientId, asset, balances.GetValueOrDefault(asset) + amount);
        env.Store.Append(new AuditEntry(clientId, AuditKinds.PaperDeposit, "OK", null, null,
            Details.Of(("asset", asset), ("amount", amount), ("venue", PaperVenue.VenueName)), env.Actor, now));
        tx.Commit();
        return Outcome<IReadOnlyDictionary<string, decimal>>.Ok(venue.BalancesOf(clientId));
    }

    public Outcome<decimal> SetPrice(Symbol symbol, decimal price)
    {
        if (venue.FindSymbol(symbol) is not { } rules)
            return Outcome<decimal>.Refuse($"unknown symbol '{symbol}' on venue 'paper'");
        if (!Decimals.IsMultipleOf(price, rules.TickSize))
            return Outcome<decimal>.Refuse($"price {Decimals.Canonical(price)} is not a multiple of {symbol}'s tick size {Decimals.Canonical(rules.TickSize)}");
        var now = env.Time.GetUtcNow();
        using var tx = env.Store.BeginExclusive();
        var previous = venue.MidPrice(symbol);
        env.Store.SetPrice(symbol, price, now);
        env.Store.Append(new AuditEntry(null, AuditKinds.PaperPriceSet, "OK", null, null,
            Details.Of(("symbol", symbol), ("price", price), ("previous", previous)), env.Actor, now));
        tx.Commit();
        return price;
    }
}
