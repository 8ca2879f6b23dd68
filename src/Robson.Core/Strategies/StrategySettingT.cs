using Robson.Core.Domain;

namespace Robson.Core.Strategies;

/// <summary>A <see cref="StrategySetting"/> of type <typeparamref name="T"/>, read and set through its typed property.</summary>
public sealed class StrategySetting<T>(
    string name, SettingGroup group, SettingKind<T> kind, string description,
    Func<StrategySettings, T> get, Func<StrategySettings, T, StrategySettings> set, string? placeholder = null)
    : StrategySetting(name, group, description, placeholder)
{
    public SettingKind<T> Kind { get; } = kind;

    public override bool IsFlag => Kind.IsFlag;

    public T Get(StrategySettings settings) => get(settings);

    public StrategySettings Set(StrategySettings settings, T value) => set(settings, value);

    public StrategyChange Change(T value) => new(this, Kind.ToValue(value), settings => set(settings, value));

    public override SettingValue Read(StrategySettings settings) => Kind.ToValue(get(settings));

    public override StrategySettings Write(StrategySettings settings, SettingValue value) => set(settings, Kind.FromValue(value));

    public override Parsed<StrategyChange> Parse(string text)
    {
        var parsed = Kind.Parse(text, Option);
        return parsed.Success ? Parsed<StrategyChange>.Ok(Change(parsed.Value)) : Parsed<StrategyChange>.Fail(parsed.Error);
    }
}
