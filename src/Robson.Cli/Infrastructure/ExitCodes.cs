namespace Robson.Cli;

/// <summary>The one exit-code table (README "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Success: validate PASS or WARNING, execute SUCCESS, any other command done.</summary>
    public const int Success = 0;

    /// <summary>Validation FAIL, execution BLOCKED or FAILED, or an unexpected internal error.</summary>
    public const int BlockedOrFailed = 1;

    /// <summary>Usage or input error: bad flag, unknown plan, malformed number, unusable ROBSON_HOME. Nothing written.</summary>
    public const int Usage = 2;
}
