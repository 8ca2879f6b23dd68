using System.Text.Json;
using Robson.Cli.Rendering;
using Robson.Core.Strategies;
using StrategyModel = Robson.Core.Strategies.Strategy;

namespace Robson.Cli.Commands.Strategy;

/// <summary>
/// A strategy in <c>--json</c>: its identity, then every declared setting under its snake_case name
/// (<see cref="StrategySettingDeclarations"/>), then its timestamps. Numbers are written exactly from decimal;
/// unset is null; lists are arrays as typed (lower case).
/// </summary>
public static class StrategyJson
{
    public static void Write(Utf8JsonWriter writer, StrategyModel strategy)
    {
        writer.WriteStartObject();
        writer.WriteNumber("strategy_id", strategy.Id);
        writer.WriteNumber("client_id", strategy.ClientId.Value);
        writer.WriteString("name", strategy.Name);
        writer.WriteNumber("version", strategy.Version);
        foreach (var setting in StrategySettingDeclarations.All)
        {
            writer.WritePropertyName(setting.Name);
            WriteValue(writer, setting.Read(strategy.Settings));
        }
        writer.WriteString("created_at", Output.Time(strategy.CreatedAt));
        writer.WriteString("updated_at", Output.Time(strategy.UpdatedAt));
        writer.WriteEndObject();
    }

    public static void WriteList(Utf8JsonWriter writer, long clientId, IEnumerable<StrategyModel> strategies)
    {
        writer.WriteStartObject();
        writer.WriteNumber("client_id", clientId);
        writer.WriteStartArray("strategies");
        foreach (var strategy in strategies)
            Write(writer, strategy);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, SettingValue value)
    {
        switch (value)
        {
            case SettingValue.Number n: writer.WriteNumberValue(n.Value); break;
            case SettingValue.WholeNumber w: writer.WriteNumberValue(w.Value); break;
            case SettingValue.Flag f: writer.WriteBooleanValue(f.Value); break;
            case SettingValue.Words words:
                writer.WriteStartArray();
                foreach (var word in words.Shown) writer.WriteStringValue(word);
                writer.WriteEndArray();
                break;
            default: writer.WriteNullValue(); break;
        }
    }
}
