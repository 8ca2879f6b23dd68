namespace Robson.Cli;

/// <summary>
/// The command line as recorded in the audit trail: values of options that name a secret (key, secret,
/// password, token, credential) are replaced, so a secret typed on the command line is never stored.
/// </summary>
public static class CommandLineRedactor
{
    private static readonly string[] SecretWords = ["key", "secret", "password", "token", "credential"];

    public static string Redact(IReadOnlyList<string> args)
    {
        var parts = new List<string> { "robson" };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=');
            var name = arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? arg[..eq] : arg;
            var isSecret = name.StartsWith('-') && SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase))
                           && !name.Equals("--credentials-file", StringComparison.OrdinalIgnoreCase);
            if (isSecret && eq > 0) { parts.Add(name + "=***"); continue; }
            parts.Add(arg);
            if (isSecret && i + 1 < args.Count) { parts.Add("***"); i++; }
        }
        return string.Join(' ', parts.Select(Quote));
    }

    private static string Quote(string part) => part.Length > 0 && !part.Any(char.IsWhiteSpace) ? part : $"'{part}'";
}
