using System.Text.RegularExpressions;

namespace Robson.Core.Tests.Docs;

/// <summary>
/// The repository's README.md, found by walking up from the test binary to the folder holding Robson.slnx, and its
/// markdown tables read by their header row. A catalogue cell lists names in backticks, so prose in parentheses
/// (filter names, FAIL, warning) is never mistaken for a code.
/// </summary>
public static partial class Readme
{
    public static readonly string Text = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Robson.slnx")))
                return dir.FullName;
        throw new InvalidOperationException($"no Robson.slnx above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// The body rows of the one table whose header is exactly <paramref name="header"/>, as cells; indented tables (inside
    /// a list item) count. Fails when there is no such table or more than one, so a renamed header cannot pass silently.
    /// </summary>
    public static IReadOnlyList<string[]> Table(params string[] header)
    {
        var lines = Text.Split('\n').Select(l => l.Trim()).ToArray();
        var starts = Enumerable.Range(0, lines.Length).Where(i => IsRow(lines[i]) && Cells(lines[i]).SequenceEqual(header)).ToList();
        var start = Assert.Single(starts);
        return [.. lines.Skip(start + 2).TakeWhile(IsRow).Select(Cells)];
    }

    /// <summary>The SCREAMING_SNAKE names in backticks in a cell.</summary>
    public static IEnumerable<string> Codes(string cell) => BacktickedCode().Matches(cell).Select(m => m.Groups[1].Value);

    /// <summary>The name a row is about: the cell's first word (e.g. "SymbolRules" of "SymbolRules (the venue's ...)").</summary>
    public static string FirstWord(string cell) => FirstWordPattern().Match(cell).Value;

    private static bool IsRow(string line) => line.StartsWith('|');

    /// <summary>Cells between unescaped pipes (a <c>\|</c> inside a cell is text), trimmed.</summary>
    private static string[] Cells(string row) => [.. UnescapedPipe().Split(row.Trim().Trim('|')).Select(c => c.Trim())];

    [GeneratedRegex(@"`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`")]
    private static partial Regex BacktickedCode();

    [GeneratedRegex(@"^[A-Za-z]+")]
    private static partial Regex FirstWordPattern();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
