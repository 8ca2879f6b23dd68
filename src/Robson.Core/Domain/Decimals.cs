using System.Globalization;

namespace Robson.Core.Domain;

/// <summary>Strict parsing and canonical formatting of money, prices and quantities (always decimal).</summary>
public static class Decimals
{
    private const NumberStyles Plain = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;

    /// <summary>Parses a plain decimal number (no exponent, no thousands separators) that must be &gt; 0.</summary>
    public static Parsed<decimal> ParsePositive(string? text, string what)
    {
        var parsed = Parse(text, what);
        if (!parsed.Success) return parsed;
        return parsed.Value > 0 ? parsed : Parsed<decimal>.Fail($"{what} must be greater than 0, got {text}");
    }

    /// <summary>Parses a plain decimal number that must be ≥ 0.</summary>
    public static Parsed<decimal> ParseNonNegative(string? text, string what)
    {
        var parsed = Parse(text, what);
        if (!parsed.Success) return parsed;
        return parsed.Value >= 0 ? parsed : Parsed<decimal>.Fail($"{what} must not be negative, got {text}");
    }

    /// <summary>The largest amount, price or quantity accepted from input (products stay far inside decimal's range).</summary>
    public const decimal MaxInput = 1_000_000_000_000m;

    private static Parsed<decimal> Parse(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Parsed<decimal>.Fail($"{what} is required");
        if (!decimal.TryParse(text.Trim(), Plain, CultureInfo.InvariantCulture, out var value))
            return Parsed<decimal>.Fail($"{what} must be a plain decimal number, got '{text}'");
        if (Math.Abs(value) > MaxInput)
            return Parsed<decimal>.Fail($"{what} must not exceed {MaxInput:#,0}, got {text}");
        return Parsed<decimal>.Ok(value);
    }

    /// <summary>Canonical text: invariant culture, no trailing zeros, no exponent. Used in hashes and storage.</summary>
    public static string Canonical(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (text.Contains('.'))
            text = text.TrimEnd('0').TrimEnd('.');
        return text == "-0" ? "0" : text;
    }

    public static decimal ParseStored(string text) => decimal.Parse(text, Plain, CultureInfo.InvariantCulture);

    /// <summary>Largest multiple of <paramref name="step"/> that is ≤ value (step &gt; 0).</summary>
    public static decimal FloorToStep(decimal value, decimal step) => Math.Floor(value / step) * step;

    /// <summary>Smallest multiple of <paramref name="step"/> that is ≥ value (step &gt; 0).</summary>
    public static decimal CeilingToStep(decimal value, decimal step) => Math.Ceiling(value / step) * step;

    public static bool IsMultipleOf(decimal value, decimal step) => step == 0 || value % step == 0;
}
