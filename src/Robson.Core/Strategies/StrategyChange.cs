namespace Robson.Core.Strategies;

/// <summary>One setting given a new value by <c>strategy create</c> or <c>strategy set</c>.</summary>
public sealed class StrategyChange
{
    private readonly Func<StrategySettings, StrategySettings> _apply;

    internal StrategyChange(StrategySetting setting, SettingValue value, Func<StrategySettings, StrategySettings> apply)
    {
        Setting = setting;
        Value = value;
        _apply = apply;
    }

    public StrategySetting Setting { get; }

    public SettingValue Value { get; }

    public StrategySettings ApplyTo(StrategySettings settings) => _apply(settings);

    public override string ToString() => $"{Setting.Name}={Value}";
}
