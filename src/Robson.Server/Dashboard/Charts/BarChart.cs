using System.Globalization;

namespace Robson.Server.Dashboard.Charts;

/// <summary>
/// A bar chart drawn as inline SVG on the server: categories along x (days, venues), one or more series as grouped or
/// stacked bars, and optionally a limit per bar drawn as a dashed line over it. Only attributes and classes (the
/// Content-Security-Policy allows no inline style); the numbers stay exact in the page's CSV, the drawing rounds.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<string> Categories, IReadOnlyList<BarSeries> Series, bool Stacked)
{
    private const int Width = 640, Height = 260, Left = 64, Right = 12, Top = 12, Bottom = 44;

    public Markup Render()
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var (low, high) = Range();
        double Y(decimal v) => Top + (double)((high - v) / (high - low)) * plotHeight;
        var slot = Categories.Count == 0 ? plotWidth : (double)plotWidth / Categories.Count;
        var groups = Stacked ? 1 : Math.Max(1, Series.Count);
        var barWidth = Math.Clamp(slot * 0.8 / groups, 1.5, 36); // a few days must not look like a wall
        var groupWidth = Stacked ? barWidth : barWidth * groups;

        var parts = new List<Markup>();
        foreach (var tick in Ticks(low, high))
        {
            var y = Y(tick);
            parts.Add(Markup.Of($"""<line class="grid-line" x1="{Left}" x2="{Width - Right}" y1="{F(y)}" y2="{F(y)}"/><text x="{Left - 6}" y="{F(y + 4)}" text-anchor="end">{Label(tick)}</text>"""));
        }
        parts.Add(Markup.Of($"""<line class="axis" x1="{Left}" x2="{Width - Right}" y1="{F(Y(0))}" y2="{F(Y(0))}"/>"""));
        for (var c = 0; c < Categories.Count; c++)
        {
            var x0 = Left + c * slot + (slot - groupWidth) / 2;
            decimal up = 0, down = 0;
            for (var s = 0; s < Series.Count; s++)
            {
                var value = Series[s].Values[c];
                if (value is not { } v) continue;
                double top, bottom;
                if (Stacked)
                {
                    var from = v >= 0 ? up : down;
                    var to = from + v;
                    if (v >= 0) up = to; else down = to;
                    (top, bottom) = (Y(Math.Max(from, to)), Y(Math.Min(from, to)));
                }
                else (top, bottom) = (Y(Math.Max(v, 0)), Y(Math.Min(v, 0)));
                var x = Stacked ? x0 : x0 + s * barWidth;
                var css = Series.Count == 1 && v < 0 ? "bar neg" : $"bar s{s % 6}";
                parts.Add(Markup.Of($"""<rect class="{css}" x="{F(x)}" y="{F(top)}" width="{F(barWidth)}" height="{F(Math.Max(bottom - top, 0.5))}"><title>{Categories[c]} · {Series[s].Name}: {Label(v)}</title></rect>"""));
                if (Series[s].Limits?[c] is { } limit)
                    parts.Add(Markup.Of($"""<line class="limit-line" x1="{F(x - 2)}" x2="{F(x + barWidth + 2)}" y1="{F(Y(limit))}" y2="{F(Y(limit))}"><title>{Categories[c]} · {Series[s].Name}: limit {Label(limit)}</title></line>"""));
            }
            var every = Math.Max(1, (int)Math.Ceiling(Categories.Count / 8.0));
            if (c % every == 0)
                parts.Add(Markup.Of($"""<text x="{F(Left + c * slot + slot / 2)}" y="{Height - Bottom + 16}" text-anchor="middle">{Short(Categories[c])}</text>"""));
        }
        if (Categories.Count == 0)
            parts.Add(Markup.Of($"""<text x="{Width / 2}" y="{Height / 2}" text-anchor="middle">no data in this period</text>"""));

        var legend = Series.Count > 1 || Series.Any(s => s.Limits is not null)
            ? Markup.Of($"""<div class="legend">{Series.Select((s, i) => Markup.Of($"""<span><span class="swatch s{i % 6}"></span>{s.Name}</span>"""))}{Markup.When(Series.Any(s => s.Limits is not null), Markup.Of($"""<span><span class="swatch limit"></span>daily limit</span>"""))}</div>""")
            : Markup.Empty;
        return Markup.Of($"""
            <svg viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="{Id}-title {Id}-desc" preserveAspectRatio="xMidYMid meet">
            <title id="{Id}-title">{Title}</title><desc id="{Id}-desc">{Description}</desc>
            {parts}
            </svg>
            {legend}
            """);
    }

    private (decimal Low, decimal High) Range()
    {
        var values = new List<decimal> { 0 };
        for (var c = 0; c < Categories.Count; c++)
        {
            if (Stacked)
            {
                values.Add(Series.Sum(s => Math.Max(s.Values[c] ?? 0, 0)));
                values.Add(Series.Sum(s => Math.Min(s.Values[c] ?? 0, 0)));
            }
            else values.AddRange(Series.Select(s => s.Values[c] ?? 0));
            values.AddRange(Series.Select(s => s.Limits?[c] ?? 0));
        }
        var (low, high) = (values.Min(), values.Max());
        if (low == high) high = low + 1;
        var pad = (high - low) * 0.08m;
        return (low < 0 ? low - pad : 0, high > 0 ? high + pad : 0);
    }

    private static IEnumerable<decimal> Ticks(decimal low, decimal high)
    {
        var span = (double)(high - low);
        var step = (decimal)Math.Pow(10, Math.Floor(Math.Log10(span / 4)));
        if ((high - low) / step > 8) step *= 2;
        if ((high - low) / step > 8) step *= 2.5m;
        for (var t = Math.Ceiling(low / step) * step; t <= high; t += step) yield return t;
    }

    private static string Short(string category) => category.Length == 10 && category[4] == '-' ? category[5..] : category;

    private static string Label(decimal v) => Math.Abs(v) >= 10000 ? (v / 1000m).ToString("0.#", CultureInfo.InvariantCulture) + "k" : v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>One series: a value per category (null: nothing there), and optionally the limit that applied to each.</summary>
public sealed record BarSeries(string Name, IReadOnlyList<decimal?> Values, IReadOnlyList<decimal?>? Limits = null);
