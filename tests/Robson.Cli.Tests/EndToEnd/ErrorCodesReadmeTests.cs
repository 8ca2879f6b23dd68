using System.Text.RegularExpressions;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>The README's table of JSON error codes is exactly the CLI's <see cref="ErrorCodes"/>, both ways.</summary>
public sealed partial class ErrorCodesReadmeTests
{
    [Fact]
    public void TheReadmesErrorCodes_AreExactlyTheCodesTheCliWrites()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Robson.slnx"))) root = root.Parent!;
        var lines = File.ReadAllLines(Path.Combine(root.FullName, "README.md")).Select(l => l.Trim()).ToList();
        var header = lines.FindIndex(l => l == "| error code | exit | when |");
        Assert.True(header >= 0, "README has no error code table");
        var documented = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => Code().Match(l).Groups[1].Value).ToList();

        Assert.Equal(ErrorCodes.All.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\| `([A-Z_]+)`")]
    private static partial Regex Code();
}
