using System.Data.Common;
using Robson.Core.Domain;
using Robson.Core.Strategies;

namespace Robson.Storage.Sql;

public abstract partial class SqlStore
{
    private const string StrategyColumns = "id, client_id, name, version, settings_json, created_at, updated_at";

    public Strategy? FindStrategy(ClientId clientId, long strategyId) =>
        Query($"SELECT {StrategyColumns} FROM strategies WHERE client_id = @c AND id = @id", ReadStrategy,
            ("@c", clientId.Value), ("@id", strategyId)).FirstOrDefault();

    public bool StrategyNameTaken(ClientId clientId, string name) =>
        Scalar("SELECT 1 FROM strategies WHERE client_id = @c AND name = @n", ("@c", clientId.Value), ("@n", name)) is not null;

    public IReadOnlyList<Strategy> ListStrategies(ClientId clientId) =>
        Query($"SELECT {StrategyColumns} FROM strategies WHERE client_id = @c ORDER BY id", ReadStrategy, ("@c", clientId.Value));

    /// <summary>Every strategy the session may see (all of them on a session bound to every tenant): the server's limit gauges.</summary>
    public IReadOnlyList<Strategy> StrategiesOfEveryTenant() =>
        Query($"SELECT {StrategyColumns} FROM strategies ORDER BY client_id, id", ReadStrategy);

    public Strategy InsertStrategy(ClientId clientId, string name, StrategySettings settings, DateTimeOffset now)
    {
        // Ids are per tenant: tenant 2's strategy 1 is not tenant 1's.
        var id = Convert.ToInt64(Scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM strategies WHERE client_id = @c", ("@c", clientId.Value)),
            System.Globalization.CultureInfo.InvariantCulture);
        var strategy = new Strategy(id, clientId, name, 1, settings, now, now);
        Execute($"INSERT INTO strategies ({StrategyColumns}) VALUES (@id, @c, @n, 1, @s, @t, @t)",
            ("@id", id), ("@c", clientId.Value), ("@n", name), ("@s", StoredSettings.Write(settings)), ("@t", Text.Time(now)));
        return strategy;
    }

    public Strategy UpdateStrategy(Strategy current, StrategySettings settings, DateTimeOffset now)
    {
        var updated = current with { Settings = settings, Version = current.Version + 1, UpdatedAt = now };
        var rows = Execute("UPDATE strategies SET settings_json = @s, version = @v, updated_at = @t WHERE client_id = @c AND id = @id AND version = @old",
            ("@s", StoredSettings.Write(settings)), ("@v", updated.Version), ("@t", Text.Time(now)),
            ("@c", current.ClientId.Value), ("@id", current.Id), ("@old", current.Version));
        if (rows != 1)
            throw new InvalidOperationException($"strategy {current.Id} changed concurrently");
        return updated;
    }

    private static Strategy ReadStrategy(DbDataReader r) => new(
        r.GetInt64(0), ClientId.From(r.GetInt64(1)), r.GetString(2), r.GetInt32(3), StoredSettings.Parse(r.GetString(4)),
        Text.ParseTime(r.GetString(5)), Text.ParseTime(r.GetString(6)));
}
