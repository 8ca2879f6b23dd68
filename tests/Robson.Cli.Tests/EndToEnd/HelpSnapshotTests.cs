using System.Runtime.CompilerServices;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// The --help of every command is part of the contract: it is compared with a snapshot in
/// tests/Robson.Cli.Tests/Snapshots/help, so a change is deliberate. To accept a change, run the tests with
/// UPDATE_SNAPSHOTS=1 and review the diff.
/// </summary>
public sealed class HelpSnapshotTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    public static TheoryData<string> Commands => new(CommandNames);

    private static readonly string[] CommandNames =
    [
        "", "strategy create", "strategy set", "strategy show", "strategy list", "plan buy", "plan sell", "plan rebalance", "plan cancel", "plan copy",
        "plans list", "plans show", "validate", "execute", "paper balance", "paper deposit", "paper set-price", "halt", "reduce-only", "resume",
        "venue add", "venue list", "venue show", "venue remove", "reconcile", "orders list", "report", "analytics", "executions list", "executions show", "fills export",
        "audit list", "audit show", "audit verify", "audit export", "db status", "db migrate", "db copy", "protect", "completion",
        "market price", "market book", "market rules", "status", "positions", "token create", "token list", "token revoke", "serve", "mcp",
        "webhook add", "webhook list", "webhook remove", "webhook dead-letters",
    ];

    [Fact]
    public void EveryCommand_HasASnapshot()
    {
        var root = CommandTable.Build(new CliContext(new CliIO(TextWriter.Null, TextWriter.Null, _ => null, false, TimeProvider.System, "t", "h"), []));
        var listed = CommandNames.ToHashSet();
        var missing = Leaves(root, "").Where(path => !listed.Contains(path)).ToList();
        Assert.True(missing.Count == 0, "commands without a help snapshot: " + string.Join(", ", missing));
    }

    private static IEnumerable<string> Leaves(System.CommandLine.Command command, string path) =>
        command.Subcommands.Where(c => !c.Hidden).SelectMany(sub =>
        {
            var subPath = path.Length == 0 ? sub.Name : path + " " + sub.Name;
            return sub.Subcommands.Count == 0 ? [subPath] : Leaves(sub, subPath);
        });

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_MatchesItsSnapshot(string command)
    {
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();
        // The usage line names the host process: "robson" for the real binary, the test host here.
        var host = System.CommandLine.RootCommand.ExecutableName;
        var help = _robson.Expect(0, args).Stdout.Replace($"  {host} ", "  robson ").Replace($"  {host}\n", "  robson\n");
        var file = Path.Combine(SnapshotDirectory(), (command.Length == 0 ? "robson" : command.Replace(' ', '-')) + ".txt");

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" || !File.Exists(file))
        {
            File.WriteAllText(file, help);
            Assert.True(Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1", $"snapshot {file} was missing and has been written: review and commit it");
        }
        Assert.Equal(File.ReadAllText(file), help);
    }

    private static string SnapshotDirectory([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "..", "Snapshots", "help");
}
