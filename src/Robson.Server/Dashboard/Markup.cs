using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace Robson.Server.Dashboard;

/// <summary>
/// HTML that is safe to write as it is. Pages are built only from <see cref="Markup"/>: an interpolated hole of any other
/// type is HTML-encoded, so a symbol, a reason or an audit detail can never become markup (or script).
/// </summary>
public readonly record struct Markup(string Html)
{
    public static readonly Markup Empty = new("");

    /// <summary>Builds markup from an interpolated string: the literal parts are markup, the holes are encoded text.</summary>
    public static Markup Of(ref MarkupBuilder builder) => builder.Build();

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Html)));

    public static Markup When(bool condition, Markup markup) => condition ? markup : Empty;

    public override string ToString() => Html;
}

/// <summary>The interpolated-string handler behind <see cref="Markup.Of"/>.</summary>
[InterpolatedStringHandler]
public ref struct MarkupBuilder
{
    private readonly StringBuilder _html;

    public MarkupBuilder(int literalLength, int formattedCount) => _html = new StringBuilder(literalLength + formattedCount * 16);

    public void AppendLiteral(string literal) => _html.Append(literal);

    public void AppendFormatted(Markup markup) => _html.Append(markup.Html);

    public void AppendFormatted(IEnumerable<Markup> parts)
    {
        foreach (var part in parts) _html.Append(part.Html);
    }

    public void AppendFormatted(string? text) => _html.Append(HtmlEncoder.Default.Encode(text ?? ""));

    public void AppendFormatted<T>(T value)
    {
        // A list of markup binds here rather than to the IEnumerable overload: it is markup all the same.
        if (value is IEnumerable<Markup> parts) AppendFormatted(parts);
        else _html.Append(HtmlEncoder.Default.Encode(value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? ""));
    }

    internal Markup Build() => new(_html.ToString());
}
