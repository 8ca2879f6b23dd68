using System.CommandLine;
using Robson.Core.Strategies;

namespace Robson.Cli.Commands.Strategy;

/// <summary>
/// The options <c>strategy create</c> and <c>strategy set</c> share, one per declared setting
/// (<see cref="StrategySettingDeclarations"/>), and how they become a <see cref="StrategyChanges"/>.
/// </summary>
public sealed class StrategyOptions
{
    private readonly IReadOnlyList<(StrategySetting Setting, Option Option)> _options =
        [.. StrategySettingDeclarations.All.Select(setting => (setting, CreateOption(setting)))];

    public void AddTo(Command command)
    {
        foreach (var (_, option) in _options)
            command.Options.Add(option);
    }

    /// <summary>The settings given, each checked by its input rule; the first bad one is a usage error.</summary>
    public StrategyChanges Read(ParseResult result) => StrategyChanges.Of(
        from entry in _options
        let text = GivenText(result, entry.Option)
        where text is not null
        select Inputs.Require(entry.Setting.Parse(text)));

    private static Option CreateOption(StrategySetting setting) => setting.IsFlag
        ? new Option<bool>(setting.Option) { Description = setting.Description, HelpName = setting.Placeholder }
        : new Option<string>(setting.Option) { Description = setting.Description, HelpName = setting.Placeholder };

    /// <summary>The text given for the option, or null when it was not given. A flag alone means true.</summary>
    private static string? GivenText(ParseResult result, Option option) => option switch
    {
        Option<bool> flag => result.GetResult(flag) is { Implicit: false } ? (result.GetValue(flag) ? "true" : "false") : null,
        Option<string> text => result.GetValue(text),
        _ => throw new InvalidOperationException($"unexpected option type for {option.Name}"),
    };
}
