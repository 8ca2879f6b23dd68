using System.Globalization;
using Robson.Cli.Rendering;
using Robson.Core.Domain;
using Robson.Core.Strategies;
using StrategyModel = Robson.Core.Strategies.Strategy;

namespace Robson.Cli.Commands.Strategy;

public static class StrategyRenderer
{
    public static void Write(CliIO io, StrategyModel strategy, bool json, string? verb)
    {
        if (json) Output.Json(io, writer => StrategyJson.Write(writer, strategy));
        else io.Out.Write(Human(strategy, verb));
    }

    public static void WriteList(CliIO io, ClientId clientId, IReadOnlyList<StrategyModel> strategies, bool json)
    {
        if (json)
        {
            Output.Json(io, writer => StrategyJson.WriteList(writer, clientId.Value, strategies));
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

    private static readonly (SettingGroup Group, string Heading)[] Groups =
        [(SettingGroup.Risk, "risk"), (SettingGroup.DailyLimits, "daily limits (LIVE)"), (SettingGroup.Policy, "policy")];

    private static string Human(StrategyModel s, string? verb)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(verb is null ? $"Strategy {s.Id}: {s.Name}" : $"{verb} strategy {s.Id}: {s.Name}");
        text.AppendLine($"  strategy_id: {s.Id}").AppendLine($"  client_id: {s.ClientId}").AppendLine($"  version: {s.Version}");
        foreach (var (group, heading) in Groups)
        {
            text.AppendLine($"  {heading}:");
            foreach (var setting in StrategySettingDeclarations.All.Where(setting => setting.Group == group))
                text.AppendLine($"    {setting.Name}: {HumanValue(setting.Read(s.Settings))}");
        }
        return text.ToString();
    }

    /// <summary>Unset is "-", a flag yes/no, an empty list that allows everything "all".</summary>
    public static string HumanValue(SettingValue value) => value switch
    {
        SettingValue.Number n => Output.Dec(n.Value),
        SettingValue.WholeNumber w => w.Value.ToString(CultureInfo.InvariantCulture),
        SettingValue.Flag f => f.Value ? "yes" : "no",
        SettingValue.Words { Shown.Count: 0, EmptyMeansAll: true } => "all",
        SettingValue.Words w => string.Join(",", w.Shown),
        _ => "-",
    };
}
