using Robson.Core.Domain;

namespace Robson.Core.Strategies;

/// <summary>
/// One strategy setting as declared in <see cref="StrategySettingDeclarations"/>: its snake_case name (the key in
/// <c>--json</c>, storage and the audit; the CLI option is the same name in kebab case), where the human report
/// shows it, its description (which states the default) and its kind (the input rule and the value's shape).
/// The typed property on <see cref="StrategySettings"/> stays what the domain reads; this is how everything else
/// reaches it without naming it.
/// </summary>
public abstract class StrategySetting
{
    private protected StrategySetting(string name, SettingGroup group, string description, string? placeholder)
    {
        Name = name;
        Group = group;
        Description = description;
        Placeholder = placeholder;
    }

    /// <summary>snake_case, e.g. <c>max_loss_per_day</c>.</summary>
    public string Name { get; }

    /// <summary>The CLI option, e.g. <c>--max-loss-per-day</c>.</summary>
    public string Option => "--" + Name.Replace('_', '-');

    public SettingGroup Group { get; }

    /// <summary>The help text; states the default.</summary>
    public string Description { get; }

    /// <summary>The value's name in help when the option's own name would be too long for the help column (null: the option's name).</summary>
    public string? Placeholder { get; }

    /// <summary>Given as <c>--option</c> alone (true) or <c>--option true|false</c>.</summary>
    public abstract bool IsFlag { get; }

    public abstract SettingValue Read(StrategySettings settings);

    /// <summary>The value of a fresh <see cref="StrategySettings"/>.</summary>
    public SettingValue Default => Read(new StrategySettings());

    /// <summary>Sets a value read back from storage; a value of the wrong shape is corrupt data (FormatException).</summary>
    public abstract StrategySettings Write(StrategySettings settings, SettingValue value);

    /// <summary>Checks the text given for <see cref="Option"/> against the setting's input rule.</summary>
    public abstract Parsed<StrategyChange> Parse(string text);

    public override string ToString() => Name;
}
