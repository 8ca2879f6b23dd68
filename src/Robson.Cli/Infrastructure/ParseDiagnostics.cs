using System.CommandLine;

namespace Robson.Cli;

/// <summary>
/// Turns System.CommandLine's parse errors into the one line a person can act on: which command or option was
/// not understood and what was probably meant, or which argument is missing.
/// </summary>
public static class ParseDiagnostics
{
    /// <summary>The deepest command the leading words name, and the first word that names none (when a command was expected there).</summary>
    public static (Command Command, string Path, string? UnknownWord) Walk(Command root, IReadOnlyList<string> args)
    {
        Command current = root;
        var path = "robson";
        foreach (var word in args)
        {
            if (word.StartsWith('-')) break;
            var next = current.Subcommands.FirstOrDefault(c => c.Name == word || c.Aliases.Contains(word));
            if (next is null)
                return (current, path, current.Subcommands.Count > 0 && current.Arguments.Count == 0 ? word : null);
            current = next;
            path += " " + word;
        }
        return (current, path, null);
    }

    /// <summary>A group of commands named without one of them (bare <c>robson</c>, <c>robson plan</c>): answered with its help.</summary>
    public static bool IsBareGroup(Command root, IReadOnlyList<string> args)
    {
        var (command, _, unknown) = Walk(root, args);
        return unknown is null && command.Subcommands.Count > 0 && command.Action is null && args.All(a => !a.StartsWith('-'));
    }

    public static UsageException Explain(ParseResult parsed, RootCommand root, IReadOnlyList<string> args)
    {
        var (command, path, unknownWord) = Walk(root, args);
        if (unknownWord is not null)
            return new UsageException(
                $"unknown command '{unknownWord}' for '{path}'{Suggest(unknownWord, Visible(command.Subcommands).SelectMany(c => c.Aliases.Prepend(c.Name)))}" +
                $" (see `{path} --help`)", ErrorCodes.UnknownCommand);
        if (command.Subcommands.Count > 0 && command.Action is null)
            return new UsageException(
                $"'{path}' needs a command: {string.Join(", ", Visible(command.Subcommands).Select(c => c.Name))} (see `{path} --help`)",
                ErrorCodes.MissingArgument);

        if (UnknownOption(parsed) is { } unknownOption)
        {
            var name = unknownOption.Split('=')[0];
            var options = Visible(command.Options).Concat(Visible(root.Options)).SelectMany(o => o.Aliases.Prepend(o.Name));
            return new UsageException($"unknown option '{name}' for '{path}'{Suggest(name, options)} (see `{path} --help`)", ErrorCodes.UnknownOption);
        }

        foreach (var argument in command.Arguments)
            if (argument.Arity.MinimumNumberOfValues > 0 && parsed.GetResult(argument) is not { Tokens.Count: > 0 })
                return new UsageException($"{argument.Name} is required (usage: {Usage(path, command)}; see `{path} --help`)", ErrorCodes.MissingArgument);

        if (parsed.UnmatchedTokens.FirstOrDefault() is { } extra)
            return new UsageException($"unexpected argument '{extra}' for '{path}' (usage: {Usage(path, command)})");

        var message = parsed.Errors[0].Message.TrimEnd('.');
        return new UsageException($"{message} (see `{path} --help`)");
    }

    /// <summary>
    /// An option-like word the command does not have. System.CommandLine takes an unknown "--word" as the value of an
    /// argument still waiting for one (`strategy set --bogus` would read "--bogus" as STRATEGY_ID): refused here too.
    /// </summary>
    public static string? UnknownOption(ParseResult parsed)
    {
        var unmatched = parsed.UnmatchedTokens.FirstOrDefault(t => t.StartsWith('-') && t.Length > 1 && !IsNumber(t));
        if (unmatched is not null) return unmatched;
        foreach (var token in parsed.Tokens)
        {
            if (token.Type == System.CommandLine.Parsing.TokenType.DoubleDash) break;
            if (token.Type == System.CommandLine.Parsing.TokenType.Argument && token.Value.StartsWith("--", StringComparison.Ordinal) && token.Value.Length > 2)
                return token.Value;
        }
        return null;
    }

    /// <summary>"— did you mean 'buy'?" when one candidate is close (edit distance at most a third of the word, at least 1).</summary>
    public static string Suggest(string word, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, word.TrimStart('-').Length / 3);
        var best = candidates.Distinct()
            .Select(c => (Candidate: c, Distance: Distance(word, c)))
            .Where(c => c.Distance <= limit || (word.Length >= 3 && c.Candidate.StartsWith(word, StringComparison.Ordinal)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate).FirstOrDefault();
        return best is null ? "" : $" — did you mean '{best}'?";
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }

    private static string Usage(string path, Command command) =>
        string.Join(" ", command.Arguments.Select(a => a.Name).Prepend(path)) + (command.Options.Any(o => !o.Hidden) ? " [options]" : "");

    private static IEnumerable<T> Visible<T>(IEnumerable<T> symbols) where T : Symbol => symbols.Where(s => !s.Hidden);

    private static bool IsNumber(string token) => decimal.TryParse(token, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _);
}
