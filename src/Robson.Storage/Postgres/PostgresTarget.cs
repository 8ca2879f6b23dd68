using Robson.Storage.Sql;

namespace Robson.Storage.Postgres;

/// <summary>A PostgreSQL database shared by several Robson processes: nothing is created under ROBSON_HOME, an operator migrates it.</summary>
internal sealed class PostgresTarget(PostgresUrl url, Npgsql.NpgsqlDataSource? pool = null) : StoreTarget
{
    public override string Engine => "postgresql";

    public override string Location => url.Redacted;

    public override SqlStore Open(bool createIfMissing) => PostgresStore.Open(url, pool);

    public override StoreTarget Pooled() => new PostgresTarget(url, PostgresStore.DataSource(url, pooled: true));

    public override void Dispose() => pool?.Dispose();

    public override bool Exists => true;

    public override IReadOnlyList<string> PathsCreatedBy(bool createIfMissing) => [];

    public override SchemaStatus Status() => PostgresMigrator.Status(url);

    public override MigrationOutcome Migrate() => PostgresMigrator.Migrate(url);
}
