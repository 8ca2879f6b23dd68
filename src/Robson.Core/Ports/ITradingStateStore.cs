using Robson.Core.Domain;

namespace Robson.Core.Ports;

/// <summary>Per-tenant trading state (kill switch) and equity history (for drawdown), both persistent.</summary>
public interface ITradingStateStore
{
    TradingStatus GetTradingState(ClientId clientId);
    void SetTradingState(ClientId clientId, TradingStatus status);

    void RecordEquity(ClientId clientId, string venue, decimal equity, DateTimeOffset at);

    /// <summary>The highest equity recorded for the tenant on the venue, or null if none.</summary>
    decimal? PeakEquity(ClientId clientId, string venue);
}
