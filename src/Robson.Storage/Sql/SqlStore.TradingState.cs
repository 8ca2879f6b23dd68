using Robson.Core.Domain;

namespace Robson.Storage.Sql;

public abstract partial class SqlStore
{
    public TradingStatus GetTradingState(ClientId clientId) =>
        Query("SELECT state, reason, changed_at FROM trading_states WHERE client_id = @c",
            r => new TradingStatus(TradingStatus.Parse(r.GetString(0)), r.GetString(1), Text.ParseTime(r.GetString(2))),
            ("@c", clientId.Value)).FirstOrDefault() ?? TradingStatus.Active;

    public void SetTradingState(ClientId clientId, TradingStatus status) =>
        Execute("INSERT INTO trading_states (client_id, state, reason, changed_at) VALUES (@c, @s, @r, @t) " +
                "ON CONFLICT (client_id) DO UPDATE SET state = @s, reason = @r, changed_at = @t",
            ("@c", clientId.Value), ("@s", status.Wire), ("@r", status.Reason), ("@t", Text.Time(status.ChangedAt ?? DateTimeOffset.UnixEpoch)));

    /// <summary>Appends to the history and raises the peak if this is a new high (decimals compared here, not as SQLite numbers).</summary>
    public void RecordEquity(ClientId clientId, string venue, decimal equity, DateTimeOffset at)
    {
        Execute("INSERT INTO equity_snapshots (client_id, venue, equity, taken_at) VALUES (@c, @v, @e, @t)",
            ("@c", clientId.Value), ("@v", venue), ("@e", Text.Dec(equity)), ("@t", Text.Time(at)));
        if (PeakEquity(clientId, venue) is { } peak && peak >= equity) return;
        Execute("INSERT INTO equity_peaks (client_id, venue, peak) VALUES (@c, @v, @e) ON CONFLICT (client_id, venue) DO UPDATE SET peak = @e",
            ("@c", clientId.Value), ("@v", venue), ("@e", Text.Dec(equity)));
    }

    public decimal? PeakEquity(ClientId clientId, string venue) =>
        Scalar("SELECT peak FROM equity_peaks WHERE client_id = @c AND venue = @v", ("@c", clientId.Value), ("@v", venue)) is string text
            ? Text.ParseDec(text)
            : null;
}
