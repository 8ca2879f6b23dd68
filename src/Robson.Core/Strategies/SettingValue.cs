namespace Robson.Core.Strategies;

/// <summary>
/// A setting's value in one of the few shapes the adapters know. Storage, <c>--json</c>, the human report and
/// the audit each write shapes, never a particular setting, so a new setting of a known shape changes no adapter.
/// </summary>
public abstract record SettingValue
{
    private SettingValue() { }

    /// <summary>Not configured.</summary>
    public static readonly SettingValue None = new Unset();

    public sealed record Unset : SettingValue;

    /// <summary>A decimal (amounts and percents); stored as canonical text so it stays exact.</summary>
    public sealed record Number(decimal Value) : SettingValue;

    public sealed record WholeNumber(int Value) : SettingValue;

    public sealed record Flag(bool Value) : SettingValue;

    /// <summary>
    /// A list of tokens: <paramref name="Wire"/> as storage and the audit keep them, <paramref name="Shown"/> as
    /// typed and displayed. <paramref name="EmptyMeansAll"/>: an empty list allows everything (symbols).
    /// </summary>
    public sealed record Words(IReadOnlyList<string> Wire, IReadOnlyList<string> Shown, bool EmptyMeansAll = false) : SettingValue
    {
        /// <summary>Tokens read back from storage: only <see cref="Wire"/> is meaningful.</summary>
        public static Words FromWire(IReadOnlyList<string> wire) => new(wire, wire);
    }
}
