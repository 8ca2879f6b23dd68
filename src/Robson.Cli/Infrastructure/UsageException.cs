namespace Robson.Cli;

/// <summary>
/// Bad input: reported as one line on stderr (or one JSON error document with --json) with exit code 2, before
/// anything is written. <see cref="Code"/> is the stable machine-readable name scripts and agents branch on.
/// </summary>
public sealed class UsageException(string message, string code = ErrorCodes.InvalidInput) : Exception(message)
{
    public string Code { get; } = code;
}
