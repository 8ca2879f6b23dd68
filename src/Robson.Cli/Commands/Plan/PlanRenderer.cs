using Robson.Cli.Rendering;
using Robson.Core.Domain;
using PlanModel = Robson.Core.Plans.Plan;

namespace Robson.Cli.Commands.Plan;

public static class PlanRenderer
{
    public static void Write(CliIO io, PlanModel plan, bool json)
    {
        if (json) Output.Json(io, ToJson(plan), c => c.PlanJson);
        else io.Out.Write(Human(plan));
    }

    public static void WriteList(CliIO io, ClientId clientId, IReadOnlyList<PlanModel> plans, bool json)
    {
        if (json)
        {
            Output.Json(io, new PlanListJson(clientId.Value, plans.Select(ToJson).ToList()), c => c.PlanListJson);
            return;
        }
        if (plans.Count == 0)
        {
            io.Out.WriteLine($"No plans for client {clientId}.");
            return;
        }
        io.Out.WriteLine($"{"PLAN ID",-14} {"CREATED (UTC)",-20} {"STRATEGY",-9} {"VENUE",-8} ORDER");
        foreach (var p in plans)
            io.Out.WriteLine($"{p.Id,-14} {p.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {p.StrategyId?.ToString() ?? "-",-9} {p.Venue,-8} {string.Join("; ", p.Legs.Select(l => l.Describe()))}");
    }

    public static PlanJson ToJson(PlanModel p) => new(
        p.Id, p.ClientId.Value, p.StrategyId, p.Kind.Wire(), p.Venue, p.Hash, Output.Time(p.CreatedAt),
        p.Legs.Select(l => new LegJson(l.Symbol.Value, l.Side.Wire(), l.Type.Wire(), l.Quantity, l.LimitPrice, l.StopLoss)).ToList(),
        NextSteps(p));

    private static List<string> NextSteps(PlanModel p) =>
    [
        $"robson validate {p.Id} --client-id {p.ClientId}",
        $"robson execute {p.Id} --client-id {p.ClientId}",
        $"robson execute {p.Id} --client-id {p.ClientId} --live --acknowledge-risk",
    ];

    private static string Human(PlanModel p)
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
        text.AppendLine("Nothing was sent anywhere. Next steps:");
        var steps = NextSteps(p);
        text.AppendLine($"  1. validate:  {steps[0]}");
        text.AppendLine($"  2. dry-run:   {steps[1]}");
        text.AppendLine($"  3. live:      {steps[2]}");
        return text.ToString();
    }
}
