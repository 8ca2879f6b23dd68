using System.CommandLine;

namespace Robson.Cli.Commands.Completion;

/// <summary>One command of the tree as completion sees it: its path of words, its subcommands and its options.</summary>
public sealed record CompletionNode(string Path, IReadOnlyList<(string Name, string Description)> Subcommands, IReadOnlyList<(string Name, string Description)> Options)
{
    /// <summary>Every visible command, depth first, the root (path "") first.</summary>
    public static IReadOnlyList<CompletionNode> Of(RootCommand root)
    {
        var nodes = new List<CompletionNode>();
        Visit(root, "", nodes);
        return nodes;
    }

    private static void Visit(Command command, string path, List<CompletionNode> nodes)
    {
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        nodes.Add(new CompletionNode(path,
            subcommands.Select(c => (c.Name, FirstLine(c.Description))).ToList(),
            command.Options.Where(o => !o.Hidden).Select(o => (o.Name, FirstLine(o.Description))).ToList()));
        foreach (var sub in subcommands)
            Visit(sub, path.Length == 0 ? sub.Name : path + " " + sub.Name, nodes);
    }

    private static string FirstLine(string? text) => (text ?? "").Split('\n')[0].Trim();
}
