using System.Text;
using Robson.Core.Domain;

namespace Robson.Core.Plans;

/// <summary>
/// SHA-256 over a canonical, line-based serialisation of a plan's content. Decimals are written without
/// trailing zeros, so 0.0010 and 0.001 hash alike; any change of content changes the hash.
/// </summary>
public static class PlanHasher
{
    public static string Canonical(Plan plan)
    {
        var text = new StringBuilder();
        text.Append("robson-plan/v1\n");
        text.Append("id=").Append(plan.Id).Append('\n');
        text.Append("client_id=").Append(plan.ClientId).Append('\n');
        text.Append("strategy_id=").Append(plan.StrategyId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "").Append('\n');
        text.Append("kind=").Append(plan.Kind.Wire()).Append('\n');
        text.Append("venue=").Append(plan.Venue).Append('\n');
        text.Append("created_at=").Append(plan.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        foreach (var leg in plan.Legs)
        {
            text.Append("leg=").Append(leg.Symbol).Append('|').Append(leg.Side.Wire()).Append('|').Append(leg.Type.Wire())
                .Append('|').Append(Decimals.Canonical(leg.Quantity))
                .Append('|').Append(leg.LimitPrice is { } p ? Decimals.Canonical(p) : "")
                .Append('|').Append(leg.StopLoss is { } s ? Decimals.Canonical(s) : "")
                .Append(leg.CancelsOrder is { } cancels ? "|cancels:" + cancels : "")
                // Written only when set, so the hashes of plans made before these options existed do not change.
                .Append(leg.TakeProfit is { } tp ? "|take_profit:" + Decimals.Canonical(tp) : "")
                .Append(leg.TimeInForce is { } tif ? "|tif:" + tif.Wire() : "")
                .Append(leg.QuoteQuantity is { } quote ? "|quote:" + Decimals.Canonical(quote) : "").Append('\n');
        }
        foreach (var row in plan.Allocation)
            text.Append("allocation=").Append(row.Asset).Append('|').Append(Decimals.Canonical(row.CurrentQuantity))
                .Append('|').Append(Decimals.Canonical(row.Price)).Append('|').Append(Decimals.Canonical(row.CurrentPercent))
                .Append('|').Append(Decimals.Canonical(row.TargetPercent)).Append('|').Append(Decimals.Canonical(row.TargetQuantity)).Append('\n');
        return text.ToString();
    }

    public static string Compute(Plan plan) =>
        Convert.ToHexStringLower(Hashing.Sha256.Hash(Encoding.UTF8.GetBytes(Canonical(plan))));

    public static Plan WithHash(Plan plan) => plan with { Hash = Compute(plan) };
}
