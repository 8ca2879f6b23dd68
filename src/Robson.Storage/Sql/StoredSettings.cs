using System.Text.Json;
using Robson.Core.Domain;
using Robson.Core.Strategies;

namespace Robson.Storage.Sql;

/// <summary>
/// A strategy's settings as the JSON of <c>strategies.settings_json</c>: one key per declared setting
/// (<see cref="StrategySettingDeclarations"/>), decimals as canonical text so they stay exact, whole numbers and
/// flags as JSON values, lists as arrays of wire tokens. A key absent from an older row reads as the default.
/// </summary>
internal static class StoredSettings
{
    public static string Write(StrategySettings settings)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var setting in StrategySettingDeclarations.All)
            {
                writer.WritePropertyName(setting.Name);
                WriteValue(writer, setting.Read(settings));
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static StrategySettings Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var settings = new StrategySettings();
        foreach (var setting in StrategySettingDeclarations.All)
            if (document.RootElement.TryGetProperty(setting.Name, out var stored) && stored.ValueKind != JsonValueKind.Null)
                settings = setting.Write(settings, ReadValue(stored, setting));
        return settings;
    }

    private static void WriteValue(Utf8JsonWriter writer, SettingValue value)
    {
        switch (value)
        {
            case SettingValue.Number n: writer.WriteStringValue(Decimals.Canonical(n.Value)); break;
            case SettingValue.WholeNumber w: writer.WriteNumberValue(w.Value); break;
            case SettingValue.Flag f: writer.WriteBooleanValue(f.Value); break;
            case SettingValue.Words words:
                writer.WriteStartArray();
                foreach (var word in words.Wire) writer.WriteStringValue(word);
                writer.WriteEndArray();
                break;
            default: writer.WriteNullValue(); break;
        }
    }

    private static SettingValue ReadValue(JsonElement stored, StrategySetting setting) => stored.ValueKind switch
    {
        JsonValueKind.String => new SettingValue.Number(Decimals.ParseStored(stored.GetString()!)),
        JsonValueKind.Number => new SettingValue.WholeNumber(stored.GetInt32()),
        JsonValueKind.True or JsonValueKind.False => new SettingValue.Flag(stored.GetBoolean()),
        JsonValueKind.Array => SettingValue.Words.FromWire([.. stored.EnumerateArray().Select(word => word.GetString()!)]),
        _ => throw new FormatException($"stored setting {setting.Name} has an unexpected value: {stored.GetRawText()}"),
    };
}
