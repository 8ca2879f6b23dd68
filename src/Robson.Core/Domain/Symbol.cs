namespace Robson.Core.Domain;

/// <summary>A trading pair as the venue names it (e.g. BTCUSDT): upper-case letters and digits.</summary>
public readonly record struct Symbol
{
    public string Value { get; }

    private Symbol(string value) => Value = value;

    public static Symbol From(string value) =>
        Parse(value) is { Success: true } p ? p.Value : throw new ArgumentException($"invalid symbol '{value}'");

    public static Parsed<Symbol> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Parsed<Symbol>.Fail("symbol is required");
        var upper = text.Trim().ToUpperInvariant();
        if (upper.Length is < 2 or > 20 || !upper.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9'))
            return Parsed<Symbol>.Fail($"symbol must be 2-20 letters or digits, got '{text}'");
        return Parsed<Symbol>.Ok(new Symbol(upper));
    }

    public override string ToString() => Value;
}
