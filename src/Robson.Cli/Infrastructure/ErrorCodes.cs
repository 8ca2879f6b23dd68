namespace Robson.Cli;

/// <summary>The codes of <c>{"error": {"code": …}}</c> documents (README "JSON output"). Stable: scripts branch on them.</summary>
public static class ErrorCodes
{
    /// <summary>Exit 2: a value, flag or combination the command cannot accept.</summary>
    public const string InvalidInput = "INVALID_INPUT";

    /// <summary>Exit 2: a command name the CLI does not have.</summary>
    public const string UnknownCommand = "UNKNOWN_COMMAND";

    /// <summary>Exit 2: an option the command does not have.</summary>
    public const string UnknownOption = "UNKNOWN_OPTION";

    /// <summary>Exit 2: a required argument or option was not given.</summary>
    public const string MissingArgument = "MISSING_ARGUMENT";

    /// <summary>Exit 2: the plan, strategy, order, venue or event named does not exist for this tenant.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>Exit 2: a plan-id prefix that matches more than one plan.</summary>
    public const string AmbiguousId = "AMBIGUOUS_ID";

    /// <summary>Exit 2: ROBSON_HOME or ROBSON_DATABASE_URL cannot be used.</summary>
    public const string StoreUnavailable = "STORE_UNAVAILABLE";

    /// <summary>Exit 2: a venue's configuration or credentials cannot be used.</summary>
    public const string VenueConfiguration = "VENUE_CONFIGURATION";

    /// <summary>Exit 1: the venue could not be reached or answered with an outage.</summary>
    public const string VenueUnavailable = "VENUE_UNAVAILABLE";

    /// <summary>Exit 1: the database refused or failed a statement.</summary>
    public const string DatabaseError = "DATABASE_ERROR";

    /// <summary>Exit 1: `db copy` stopped (the target was left as it was).</summary>
    public const string CopyFailed = "COPY_FAILED";

    /// <summary>Exit 1: a defect in Robson; please report it.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    public static readonly IReadOnlyList<string> All =
    [
        InvalidInput, UnknownCommand, UnknownOption, MissingArgument, NotFound, AmbiguousId, StoreUnavailable,
        VenueConfiguration, VenueUnavailable, DatabaseError, CopyFailed, InternalError,
    ];
}
