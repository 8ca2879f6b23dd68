namespace Robson.Core.Domain;

/// <summary>Key=value context of a guard result, issue or action. Values are text so decimals stay exact.</summary>
public sealed class Details : SortedDictionary<string, string>
{
    public Details() : base(StringComparer.Ordinal) { }

    public static readonly IReadOnlyDictionary<string, string> None = new Details();

    public static Details Of(params (string Key, object? Value)[] pairs)
    {
        var details = new Details();
        foreach (var (key, value) in pairs)
            details[key] = value switch
            {
                null => "",
                decimal d => Decimals.Canonical(d),
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
        return details;
    }
}
