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
        using var tx = env.Store.BeginExclusive(clientId);
        var balances = venue.BalancesOf(clientId);
        foreach (var (a, free) in balances)
            env.Store.SetBalance(clientId, a, free); // materialise the defaults before changing one
        env.Store.SetBalance(clientId, asset, balances.GetValueOrDefault(asset) + amount);
        env.Store.Append(new AuditEntry(clientId, AuditKinds.PaperDeposit, "OK", null, null,
            Details.Of(("asset", asset), ("amount", amount), ("venue", PaperVenue.VenueName)), env.Actor, now));
        tx.Commit();
        return Outcome<IReadOnlyDictionary<string, decimal>>.Ok(venue.BalancesOf(clientId));
    }

    /// <summary>
    /// Moves a symbol's mid price and, in the same transaction, fills every tenant's resting orders the new price
    /// crosses (<see cref="PaperVenue.FillCrossedOrders"/>); each fill is audited in its tenant's chain.
    /// </summary>
    public Outcome<PaperPriceChange> SetPrice(Symbol symbol, decimal price)
    {
        if (venue.FindSymbol(symbol) is not { } rules)
            return Outcome<PaperPriceChange>.Refuse($"unknown symbol '{symbol}' on venue 'paper'");
        if (!Decimals.IsMultipleOf(price, rules.TickSize))
            return Outcome<PaperPriceChange>.Refuse($"price {Decimals.Canonical(price)} is not a multiple of {symbol}'s tick size {Decimals.Canonical(rules.TickSize)}");
        var now = env.Time.GetUtcNow();
        using var tx = env.Store.BeginExclusiveAllTenants();
        var previous = venue.MidPrice(symbol);
        env.Store.SetPrice(symbol, price, now);
        env.Store.Append(new AuditEntry(null, AuditKinds.PaperPriceSet, "OK", null, null,
            Details.Of(("symbol", symbol), ("price", price), ("previous", previous)), env.Actor, now));
        var fills = venue.FillCrossedOrders(symbol, price, now);
        foreach (var fill in fills)
            env.Store.Append(new AuditEntry(fill.ClientId, AuditKinds.PaperOrderFilled, fill.Status.Wire, null, null,
                Details.Of(("client_order_id", fill.ClientOrderId), ("list_client_order_id", fill.ListClientOrderId), ("venue", PaperVenue.VenueName),
                    ("symbol", symbol), ("side", fill.Side.Wire()), ("quantity", fill.Quantity), ("price", Math.Round(fill.AveragePrice, 8)),
                    ("executed_qty", fill.ExecutedQuantity), ("trade_ids", string.Join(",", fill.Fills.Select(f => f.TradeId)))), env.Actor, now));
        tx.Commit();
        return new PaperPriceChange(symbol, price, previous, fills);
    }
}
