using System.Globalization;
using Robson.Core.Domain;

namespace Robson.Core.Strategies;

/// <summary>The types of strategy setting: each one's input rule and its <see cref="SettingValue"/> shape.</summary>
public static class SettingKinds
{
    /// <summary>A plain decimal &gt; 0 (amounts and percents).</summary>
    public static readonly SettingKind<decimal> PositiveDecimal = new(
        (text, option) => Decimals.ParsePositive(text, option),
        value => new SettingValue.Number(value),
        value => Expect<SettingValue.Number>(value).Value);

    /// <summary>A whole number &gt; 0, digits only.</summary>
    public static readonly SettingKind<int> PositiveWholeNumber = new(
        (text, option) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? Parsed<int>.Ok(value)
            : Parsed<int>.Fail($"{option} must be a positive whole number, got '{text}'"),
        value => new SettingValue.WholeNumber(value),
        value => Expect<SettingValue.WholeNumber>(value).Value);

    /// <summary>A decimal &gt; 0 and below <paramref name="limit"/> (a percent that must leave something, e.g. the collar).</summary>
    public static SettingKind<decimal> PositiveDecimalBelow(decimal limit) => new(
        (text, option) => Decimals.ParsePositive(text, option) is { Success: true, Value: var value } parsed && value >= limit
            ? Parsed<decimal>.Fail($"{option} must be below {Decimals.Canonical(limit)}, got '{text}'")
            : Decimals.ParsePositive(text, option),
        value => new SettingValue.Number(value),
        value => Expect<SettingValue.Number>(value).Value);

    /// <summary>A whole number from 1 to <paramref name="max"/>.</summary>
    public static SettingKind<int> PositiveWholeNumberUpTo(int max) => new(
        (text, option) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= max
            ? Parsed<int>.Ok(value)
            : Parsed<int>.Fail($"{option} must be a whole number from 1 to {max}, got '{text}'"),
        value => new SettingValue.WholeNumber(value),
        value => Expect<SettingValue.WholeNumber>(value).Value);

    public static readonly SettingKind<decimal?> OptionalPositiveDecimal = Optional(PositiveDecimal);

    public static readonly SettingKind<int?> OptionalPositiveWholeNumber = Optional(PositiveWholeNumber);

    public static readonly SettingKind<bool> Flag = new(
        (text, option) => bool.TryParse(text, out var value) ? Parsed<bool>.Ok(value) : Parsed<bool>.Fail($"{option} must be true or false, got '{text}'"),
        value => new SettingValue.Flag(value),
        value => Expect<SettingValue.Flag>(value).Value,
        isFlag: true);

    /// <summary>Comma-separated symbols, upper-cased; an empty list (the default) allows every symbol.</summary>
    public static readonly SettingKind<IReadOnlyList<string>> Symbols = new(
        (text, option) => Words(text, option, (word, _) =>
        {
            var symbol = Symbol.Parse(word);
            return symbol.Success ? Parsed<string>.Ok(symbol.Value.Value) : Parsed<string>.Fail(symbol.Error);
        }),
        value => new SettingValue.Words(value, value, EmptyMeansAll: true),
        value => [.. Expect<SettingValue.Words>(value).Wire]);

    /// <summary>Comma-separated <c>market,limit</c>.</summary>
    public static readonly SettingKind<IReadOnlyList<OrderType>> OrderTypes = new(
        (text, option) => Words(text, option, (word, name) => word.ToLowerInvariant() switch
        {
            "market" => Parsed<OrderType>.Ok(OrderType.Market),
            "limit" => Parsed<OrderType>.Ok(OrderType.Limit),
            _ => Parsed<OrderType>.Fail($"{name}: unknown order type '{word}' (use market, limit)"),
        }),
        value => new SettingValue.Words([.. value.Select(t => t.Wire())], [.. value.Select(t => t.Wire().ToLowerInvariant())]),
        value => [.. Expect<SettingValue.Words>(value).Wire.Select(EnumText.ParseOrderType)]);

    /// <summary>Comma-separated <c>buy,sell,rebalance,cancel</c>.</summary>
    public static readonly SettingKind<IReadOnlyList<PlanKind>> PlanKinds = new(
        (text, option) => Words(text, option, (word, name) => word.ToLowerInvariant() switch
        {
            "buy" => Parsed<PlanKind>.Ok(PlanKind.Buy),
            "sell" => Parsed<PlanKind>.Ok(PlanKind.Sell),
            "rebalance" => Parsed<PlanKind>.Ok(PlanKind.Rebalance),
            "cancel" => Parsed<PlanKind>.Ok(PlanKind.Cancel),
            _ => Parsed<PlanKind>.Fail($"{name}: unknown plan kind '{word}' (use buy, sell, rebalance, cancel)"),
        }),
        value => new SettingValue.Words([.. value.Select(k => k.Wire())], [.. value.Select(k => k.Wire())]),
        value => [.. Expect<SettingValue.Words>(value).Wire.Select(EnumText.ParsePlanKind)]);

    /// <summary>One of <c>alert</c>, <c>close</c>.</summary>
    public static readonly SettingKind<ProtectionFailureAction> ProtectionFailure = new(
        (text, option) => text.Trim().ToLowerInvariant() switch
        {
            "alert" => Parsed<ProtectionFailureAction>.Ok(ProtectionFailureAction.Alert),
            "close" => Parsed<ProtectionFailureAction>.Ok(ProtectionFailureAction.Close),
            _ => Parsed<ProtectionFailureAction>.Fail($"{option} must be alert or close, got '{text}'"),
        },
        value => value == ProtectionFailureAction.Close
            ? new SettingValue.Words(["close"], ["close"])
            : new SettingValue.Words(["alert"], ["alert"]),
        value => Expect<SettingValue.Words>(value).Wire.FirstOrDefault() == "close" ? ProtectionFailureAction.Close : ProtectionFailureAction.Alert);

    /// <summary>The same input rule; unset (null) maps to <see cref="SettingValue.None"/>.</summary>
    public static SettingKind<T?> Optional<T>(SettingKind<T> kind) where T : struct => new(
        (text, option) =>
        {
            var parsed = kind.Parse(text, option);
            return parsed.Success ? Parsed<T?>.Ok(parsed.Value) : Parsed<T?>.Fail(parsed.Error);
        },
        value => value is { } v ? kind.ToValue(v) : SettingValue.None,
        value => value is SettingValue.Unset ? null : kind.FromValue(value),
        kind.IsFlag);

    /// <summary>At least one comma-separated word, each parsed; duplicates dropped, order kept.</summary>
    private static Parsed<IReadOnlyList<TWord>> Words<TWord>(string text, string option, Func<string, string, Parsed<TWord>> parseWord)
    {
        var words = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return Parsed<IReadOnlyList<TWord>>.Fail($"{option} needs at least one value");
        var values = new List<TWord>();
        foreach (var word in words)
        {
            var parsed = parseWord(word, option);
            if (!parsed.Success) return Parsed<IReadOnlyList<TWord>>.Fail(parsed.Error);
            if (!values.Contains(parsed.Value)) values.Add(parsed.Value);
        }
        return Parsed<IReadOnlyList<TWord>>.Ok(values);
    }

    private static TValue Expect<TValue>(SettingValue value) where TValue : SettingValue =>
        value as TValue ?? throw new FormatException($"expected a {typeof(TValue).Name} setting value, got {value}");
}
