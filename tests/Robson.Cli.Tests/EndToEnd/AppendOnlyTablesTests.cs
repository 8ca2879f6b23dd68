using Microsoft.Data.Sqlite;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// Plans, validations, executions and fills are append-only in the database, like audit events: what was planned,
/// judged, attempted and filled is never rewritten. Orders keep their conditional status updates.
/// </summary>
public sealed class AppendOnlyTablesTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public AppendOnlyTablesTests()
    {
        var planId = _robson.ValidatedPlan("1", _robson.CreateLiveStrategy(), "buy", "BTCUSDT", "0.001");
        _robson.Expect(0, "execute", planId, "--client-id", "1", "--live", "--acknowledge-risk");
    }

    public void Dispose() => _robson.Dispose();

    [Theory]
    [InlineData("plans")]
    [InlineData("validations")]
    [InlineData("executions")]
    [InlineData("fills")]
    [InlineData("equity_snapshots")]
    public void AppendOnlyTable_RefusesUpdateAndDelete(string table)
    {
        Assert.True(AuditTampering.Scalar<long>(_robson.DatabasePath, $"SELECT count(*) FROM {table}") > 0);

        var update = Assert.Throws<SqliteException>(() => AuditTampering.Sql(_robson.DatabasePath, $"UPDATE {table} SET client_id = client_id"));
        var delete = Assert.Throws<SqliteException>(() => AuditTampering.Sql(_robson.DatabasePath, $"DELETE FROM {table}"));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
    }

    [Fact]
    public void Orders_StayUpdatable_ForTheirStatusChanges() =>
        AuditTampering.Sql(_robson.DatabasePath, "UPDATE orders SET updated_at = updated_at");

    [Theory]
    [InlineData("orders")]       // would lower the day's order count and notional
    [InlineData("equity_peaks")] // would reset the drawdown peak
    public void TablesTheLimitsReadFrom_RefuseDelete(string table)
    {
        Assert.True(AuditTampering.Scalar<long>(_robson.DatabasePath, $"SELECT count(*) FROM {table}") > 0);

        var delete = Assert.Throws<SqliteException>(() => AuditTampering.Sql(_robson.DatabasePath, $"DELETE FROM {table}"));

        Assert.Contains("never deleted", delete.Message);
    }
}
