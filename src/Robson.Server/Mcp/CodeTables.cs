namespace Robson.Server.Mcp;

/// <summary>
/// The README's code tables as MCP resources, so an agent can explain a refusal in the words of the documentation. The
/// README is built into the binary; a test checks the README against the code both ways, so these tables cannot drift.
/// </summary>
public sealed record CodeTables(string Uri, string Name, string Description, string Text)
{
    public static readonly IReadOnlyList<CodeTables> All = Load();

    private static List<CodeTables> Load()
    {
        using var stream = typeof(CodeTables).Assembly.GetManifestResourceStream("Robson.Server.README.md")
                           ?? throw new InvalidOperationException("the README is not embedded in the binary");
        var lines = new StreamReader(stream).ReadToEnd().Split('\n');
        return
        [
            new("robson://codes/validation", "Validation codes", "Every validator of `robson validate` and the codes its issues carry.", Table(lines, "| validator | codes |")),
            new("robson://codes/guards", "Guard codes", "Every guard of `robson execute` and the code a failed guard reports.", Table(lines, "| guard | codes |")),
            new("robson://guards", "Guards in DRY-RUN and LIVE", "What each guard checks in a DRY-RUN and in LIVE.", Table(lines, "| guard | DRY-RUN | LIVE |")),
        ];
    }

    private static string Table(string[] lines, string header)
    {
        var start = Array.FindIndex(lines, l => l.Trim() == header);
        if (start < 0) throw new InvalidOperationException($"the README has no table headed {header}");
        return string.Join('\n', lines.Skip(start).TakeWhile(l => l.TrimStart().StartsWith('|')).Select(l => l.Trim())) + "\n";
    }
}
