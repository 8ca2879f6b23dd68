namespace Robson.Core.Domain;

/// <summary>A tenant's kill switch, checked in the one place every LIVE order passes.</summary>
public enum TradingState
{
    /// <summary>Normal operation.</summary>
    Active,

    /// <summary>Only orders that reduce an existing position (sells of what is held) may go LIVE.</summary>
    Reducing,

    /// <summary>No LIVE order at all until resumed with --acknowledge-risk.</summary>
    Halted,
}

/// <summary>The state, why it was set, and when.</summary>
public sealed record TradingStatus(TradingState State, string Reason, DateTimeOffset? ChangedAt)
{
    public static readonly TradingStatus Active = new(TradingState.Active, "", null);

    public string Wire => State switch
    {
        TradingState.Active => "ACTIVE",
        TradingState.Reducing => "REDUCING",
        _ => "HALTED",
    };

    public static TradingState Parse(string text) => text switch
    {
        "REDUCING" => TradingState.Reducing,
        "HALTED" => TradingState.Halted,
        _ => TradingState.Active,
    };
}
