using System.Globalization;

namespace Robson.Core.Domain;

/// <summary>A tenant. Always a positive integer; every row of data belongs to exactly one.</summary>
public readonly record struct ClientId
{
    public long Value { get; }

    private ClientId(long value) => Value = value;

    public static ClientId From(long value) =>
        value > 0 ? new ClientId(value) : throw new ArgumentOutOfRangeException(nameof(value), "client id must be positive");

    /// <summary>Parses user input; the error says what was wrong with it.</summary>
    public static Parsed<ClientId> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Parsed<ClientId>.Fail("--client-id is required (a positive integer)");
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return Parsed<ClientId>.Fail($"client id must be a positive integer, got '{text}'");
        if (value <= 0)
            return Parsed<ClientId>.Fail($"client id must be a positive integer, got {value}");
        return Parsed<ClientId>.Ok(new ClientId(value));
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
