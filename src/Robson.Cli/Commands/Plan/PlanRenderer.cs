using Robson.Cli.Rendering;
using Robson.Core.Domain;
using PlanModel = Robson.Core.Plans.Plan;

namespace Robson.Cli.Commands.Plan;

public static class PlanRenderer
{
    public static void Write(CliIO io, PlanModel plan, bool json, IReadOnlyList<string>? notes = null)
    {
        if (json) Output.Json(io, ToJson(plan) with { Notes = [.. notes ?? []] }, c => c.PlanJson);
        else io.Out.Write(Human(plan, notes ?? []));
    }

    public static PlanJson ToJson(PlanModel p) => new(
        p.Id, p.ClientId.Value, p.StrategyId, p.Kind.Wire(), p.Venue, p.Hash, Output.Time(p.CreatedAt),
        p.Legs.Select(l => new LegJson(l.Symbol.Value, l.Side.Wire(), l.Type.Wire(), l.Quantity, l.LimitPrice, l.StopLoss,
            l.TakeProfit, l.TimeInForce?.Wire(), l.CancelsOrder, l.QuoteQuantity)).ToList(),
        NextSteps(p),
        p.Allocation.Select(a => new AllocationJson(a.Asset, a.CurrentQuantity, a.Price, a.CurrentPercent, a.TargetPercent, Math.Round(a.TargetQuantity, 8))).ToList(),
        []);

    private static List<string> NextSteps(PlanModel p) =>
    [
        $"robson validate {p.Id} --client-id {p.ClientId}",
        $"robson execute {p.Id} --client-id {p.ClientId}",
        $"robson execute {p.Id} --client-id {p.ClientId} --live --acknowledge-risk",
    ];

    private static string Human(PlanModel p, IReadOnlyList<string> notes)
    {
        var text = new System.Text.StringBuilder(Describe(p, notes));
        text.AppendLine("Nothing was sent anywhere. Next steps:");
        var steps = NextSteps(p);
        text.AppendLine($"  1. validate:  {steps[0]}");
        text.AppendLine($"  2. dry-run:   {steps[1]}");
        text.AppendLine($"  3. live:      {steps[2]}");
        return text.ToString();
    }

    /// <summary>What the plan is (id, tenant, strategy, venue, hash, legs, allocation, notes), without what to do next.</summary>
    public static string Describe(PlanModel p, IReadOnlyList<string> notes)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"Plan ID: {p.Id}");
        text.AppendLine($"  client_id: {p.ClientId}");
        text.AppendLine($"  strategy_id: {p.StrategyId?.ToString() ?? "none (DRY-RUN only)"}");
        text.AppendLine($"  venue: {p.Venue}");
        text.AppendLine($"  hash: {p.Hash}");
        text.AppendLine($"  created_at: {Output.HumanTime(p.CreatedAt)}");
        text.AppendLine("  legs:");
        for (var i = 0; i < p.Legs.Count; i++)
            text.AppendLine($"    {i + 1}. {p.Legs[i].Describe()}");
        if (p.Allocation.Count > 0)
        {
            text.AppendLine("  allocation (at planning time, valued at mid):");
            text.AppendLine($"    {"ASSET",-6} {"HELD",16} {"PRICE",12} {"NOW %",8} {"TARGET %",9} {"TARGET QTY",18}");
            foreach (var a in p.Allocation)
                text.AppendLine($"    {a.Asset,-6} {Output.Dec(a.CurrentQuantity),16} {Output.Dec(a.Price),12} {Output.Dec(Math.Round(a.CurrentPercent, 2)),8} {Output.Dec(a.TargetPercent),9} {Output.Dec(Math.Round(a.TargetQuantity, 8)),18}");
        }
        foreach (var note in notes)
            text.AppendLine($"  note: {note}");
        return text.ToString();
    }
}
