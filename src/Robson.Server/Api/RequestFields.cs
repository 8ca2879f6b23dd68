using System.Text.Json;
using Robson.Cli;

namespace Robson.Server.Api;

/// <summary>
/// A request's named values, in the order given: a JSON body's top-level fields, or a query string's parameters.
/// Values keep their exact text (a number's digits as sent, never through a double); an array gives a field several values.
/// </summary>
public sealed class RequestFields
{
    private readonly List<(string Name, string Value)> _values = [];

    public IEnumerable<string> Names => _values.Select(v => v.Name).Distinct();

    public IEnumerable<(string Name, string Value)> Values => _values;

    public bool Has(string name) => _values.Any(v => v.Name == name);

    public string? Get(string name) => _values.FirstOrDefault(v => v.Name == name).Value;

    /// <summary>Removes a field and returns its (first) value.</summary>
    public string? Take(string name)
    {
        var value = Get(name);
        _values.RemoveAll(v => v.Name == name);
        return value;
    }

    public void Set(string name, string value)
    {
        _values.RemoveAll(v => v.Name == name);
        _values.Add((name, value));
    }

    public static RequestFields FromQuery(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query)
    {
        var fields = new RequestFields();
        foreach (var (name, values) in query)
            foreach (var value in values)
                if (value is not null) fields._values.Add((name, value));
        return fields;
    }

    /// <summary>A JSON object's fields; anything else is bad input (a one-line reason, never a stack trace).</summary>
    public static RequestFields FromJson(ReadOnlySpan<byte> body)
    {
        var fields = new RequestFields();
        if (body.IsEmpty) return fields;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException e)
        {
            throw new UsageException($"the body is not valid JSON: {e.Message.Split('.')[0]}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new UsageException("the body must be a JSON object of fields, e.g. {\"symbol\": \"BTCUSDT\"}");
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Array)
                    foreach (var item in property.Value.EnumerateArray()) fields._values.Add((property.Name, Scalar(property.Name, item)));
                else if (property.Value.ValueKind != JsonValueKind.Null)
                    fields._values.Add((property.Name, Scalar(property.Name, property.Value)));
            }
        }
        return fields;
    }

    private static string Scalar(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new UsageException($"field '{name}' must be a string, number or boolean"),
    };
}
