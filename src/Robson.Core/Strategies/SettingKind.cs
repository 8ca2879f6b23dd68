using Robson.Core.Domain;

namespace Robson.Core.Strategies;

/// <summary>
/// How the values of one type of setting are read from input (the input rule, with its one-line reason) and
/// mapped to and from a <see cref="SettingValue"/>. The instances are in <see cref="SettingKinds"/>.
/// </summary>
public sealed class SettingKind<T>(
    Func<string, string, Parsed<T>> parse, Func<T, SettingValue> toValue, Func<SettingValue, T> fromValue, bool isFlag = false)
{
    /// <summary>A flag is given as <c>--option</c> alone (true) or <c>--option true|false</c>.</summary>
    public bool IsFlag { get; } = isFlag;

    /// <summary>Parses the text given for <paramref name="option"/>; the error names the option.</summary>
    public Parsed<T> Parse(string text, string option) => parse(text, option);

    public SettingValue ToValue(T value) => toValue(value);

    /// <summary>The inverse of <see cref="ToValue"/>; a value of another shape is corrupt data (FormatException).</summary>
    public T FromValue(SettingValue value) => fromValue(value);
}
