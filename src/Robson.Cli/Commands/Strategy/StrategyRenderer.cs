using Robson.Cli.Rendering;
using Robson.Core.Domain;
using StrategyModel = Robson.Core.Strategies.Strategy;

namespace Robson.Cli.Commands.Strategy;

public static class StrategyRenderer
{
    public static void Write(CliIO io, StrategyModel strategy, bool json, string? verb)
    {
        if (json) Output.Json(io, ToJson(strategy), c => c.StrategyJson);
        else io.Out.Write(Human(strategy, verb));
    }

    public static void WriteList(CliIO io, ClientId clientId, IReadOnlyList<StrategyModel> strategies, bool json)
    {
        if (json)
        {
            Output.Json(io, new StrategyListJson(clientId.Value, strategies.Select(ToJson).ToList()), c => c.StrategyListJson);
            return;
        }
        if (strategies.Count == 0)
        {
            io.Out.WriteLine($"No strategies for client {clientId}. Create one: robson strategy create --client-id {clientId} --name NAME ...");
            return;
        }
        io.Out.WriteLine($"{"ID",-4} {"NAME",-20} {"VER",-4} {"LIVE",-5} {"ORDERS/DAY",-11} {"NOTIONAL/DAY",-13} LOSS/DAY");
        foreach (var s in strategies)
            io.Out.WriteLine($"{s.Id,-4} {s.Name,-20} {s.Version,-4} {(s.Settings.LiveEnabled ? "yes" : "no"),-5} {s.Settings.MaxOrdersPerDay?.ToString() ?? "-",-11} {Output.Dec(s.Settings.MaxNotionalPerDay),-13} {Output.Dec(s.Settings.MaxLossPerDay)}");
    }

    public static StrategyJson ToJson(StrategyModel s) => new(
        s.Id, s.ClientId.Value, s.Name, s.Version, s.Settings.MaxDrawdownPercent, s.Settings.StopLossPercent, s.Settings.MaxPositionSizePercent,
        s.Settings.MaxOrdersPerDay, s.Settings.MaxNotionalPerDay, s.Settings.MaxLossPerDay, s.Settings.LiveEnabled,
        [.. s.Settings.AllowedSymbols], [.. s.Settings.AllowedOrderTypes.Select(t => t.Wire().ToLowerInvariant())],
        s.Settings.MaxNotionalPerOrder, s.Settings.ValidationTtlMinutes, Output.Time(s.CreatedAt), Output.Time(s.UpdatedAt),
        s.Settings.PriceCollarPercent, s.Settings.SlippageWarningPercent, [.. s.Settings.AllowedPlanKinds.Select(k => k.Wire())]);

    private static string Human(StrategyModel s, string? verb)
    {
        var c = s.Settings;
        var text = new System.Text.StringBuilder();
        text.AppendLine(verb is null ? $"Strategy {s.Id}: {s.Name}" : $"{verb} strategy {s.Id}: {s.Name}");
        text.AppendLine($"  strategy_id: {s.Id}").AppendLine($"  client_id: {s.ClientId}").AppendLine($"  version: {s.Version}");
        text.AppendLine("  risk:");
        text.AppendLine($"    max_drawdown_percent: {Output.Dec(c.MaxDrawdownPercent)}");
        text.AppendLine($"    stop_loss_percent: {Output.Dec(c.StopLossPercent)}");
        text.AppendLine($"    max_position_size_percent: {Output.Dec(c.MaxPositionSizePercent)}");
        text.AppendLine("  daily limits (LIVE):");
        text.AppendLine($"    max_orders_per_day: {c.MaxOrdersPerDay?.ToString() ?? "-"}");
        text.AppendLine($"    max_notional_per_day: {Output.Dec(c.MaxNotionalPerDay)}");
        text.AppendLine($"    max_loss_per_day: {Output.Dec(c.MaxLossPerDay)}");
        text.AppendLine("  policy:");
        text.AppendLine($"    live_enabled: {(c.LiveEnabled ? "yes" : "no")}");
        text.AppendLine($"    allowed_symbols: {(c.AllowedSymbols.Count == 0 ? "all" : string.Join(",", c.AllowedSymbols))}");
        text.AppendLine($"    allowed_order_types: {string.Join(",", c.AllowedOrderTypes.Select(t => t.Wire().ToLowerInvariant()))}");
        text.AppendLine($"    max_notional_per_order: {Output.Dec(c.MaxNotionalPerOrder)}");
        text.AppendLine($"    validation_ttl_minutes: {c.ValidationTtlMinutes}");
        text.AppendLine($"    price_collar_percent: {Output.Dec(c.PriceCollarPercent)}");
        text.AppendLine($"    slippage_warning_percent: {Output.Dec(c.SlippageWarningPercent)}");
        text.AppendLine($"    allowed_plan_kinds: {string.Join(",", c.AllowedPlanKinds.Select(k => k.Wire()))}");
        return text.ToString();
    }
}
