using System.Globalization;
using System.Text.RegularExpressions;

namespace Robson.Cli.Tests.Support.FakeBinance;

/// <summary>A Binance error answer: HTTP status, code and message, thrown by handlers and written as <c>{"code","msg"}</c>.</summary>
internal sealed class BinanceError(int httpStatus, int code, string message) : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;
    public int Code { get; } = code;

    public static BinanceError Mandatory(string name) => new(400, -1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");
    public static BinanceError NotRequired(string name) => new(400, -1106, $"Parameter '{name}' sent when not required.");
    public static BinanceError InvalidSymbol() => new(400, -1121, "Invalid symbol.");
    public static BinanceError Filter(string filter) => new(400, -1013, $"Filter failure: {filter}");
    public static BinanceError NewOrderRejected(string message) => new(400, -2010, message);
    public static BinanceError CancelRejected(string message) => new(400, -2011, message);
    public static BinanceError NoSuchOrder() => new(400, -2013, "Order does not exist.");
    public static BinanceError InvalidApiKey() => new(401, -2015, "Invalid API-key, IP, or permissions for action.");
    public static BinanceError InvalidSignature() => new(400, -1022, "Signature for this request is not valid.");
}

/// <summary>
/// A request's parameters, from the query string and (for POST/PUT/DELETE) an x-www-form-urlencoded body;
/// a parameter in both is taken from the query string, as Binance documents.
/// </summary>
internal sealed partial class BinanceRequest
{
    public string Method { get; }
    public string Path { get; }
    public string RawQuery { get; }
    public string RawBody { get; }
    public string? ApiKey { get; }
    private readonly Dictionary<string, string> _params = new(StringComparer.Ordinal);
    private readonly string? _duplicate;

    public BinanceRequest(string method, string rawUrl, string rawBody, string? apiKey, string? contentType)
    {
        Method = method;
        var q = rawUrl.IndexOf('?');
        Path = q < 0 ? rawUrl : rawUrl[..q];
        RawQuery = q < 0 ? "" : rawUrl[(q + 1)..];
        RawBody = rawBody;
        ApiKey = apiKey;
        var bodyIsForm = contentType is null || contentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        var fromBody = bodyIsForm ? Parse(rawBody, ref _duplicate) : [];
        foreach (var (k, v) in fromBody) _params[k] = v;
        foreach (var (k, v) in Parse(RawQuery, ref _duplicate)) _params[k] = v;
    }

    private static Dictionary<string, string> Parse(string raw, ref string? duplicate)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            if (!result.TryAdd(key, value)) duplicate ??= key;
        }
        return result;
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

    public void RejectDuplicates()
    {
        if (_duplicate is not null) throw new BinanceError(400, -1101, "Duplicate values for a parameter detected.");
    }

    public string? Optional(string name) => _params.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public string Required(string name) => Optional(name) ?? throw BinanceError.Mandatory(name);

    public bool Has(string name) => Optional(name) is not null;

    [GeneratedRegex(@"^([0-9]{1,20})(\.[0-9]{1,20})?$")]
    private static partial Regex DecimalPattern();

    /// <summary>A DECIMAL parameter: Binance's legal range, and at most 8 significant decimals.</summary>
    public decimal? Decimal(string name)
    {
        if (Optional(name) is not { } text) return null;
        if (!DecimalPattern().IsMatch(text))
            throw new BinanceError(400, -1100, $"Illegal characters found in parameter '{name}'; legal range is '^([0-9]{{1,20}})(\\.[0-9]{{1,20}})?$'.");
        var value = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (Math.Round(value, SymbolSpec.Precision) != value) throw new BinanceError(400, -1111, $"Parameter '{name}' has too much precision.");
        return value;
    }

    public long? Long(string name)
    {
        if (Optional(name) is not { } text) return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new BinanceError(400, -1100, $"Illegal characters found in parameter '{name}'; legal range is '^[0-9]{{1,20}}$'.");
    }

    public int? Int(string name) => Long(name) is { } v ? (int)Math.Min(v, int.MaxValue) : null;
}
