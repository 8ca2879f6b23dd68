using Robson.Core.Ports;
using Robson.Storage.Tests.Support;
using Robson.Tests.Shared.Postgres;

namespace Robson.Storage.Tests.Postgres;

/// <summary>
/// A fresh database on the test run's PostgreSQL server, with the schema as an operator's <c>robson db migrate</c> leaves it:
/// migrated once per run into a template, copied for each test. Stores are opened the way <c>ROBSON_DATABASE_URL</c> chooses
/// them (<see cref="StoreTarget.Choose"/>) and bound to every tenant: the contract tests the store's own tenant scoping,
/// which row-level security only backs up (the server's user is a superuser, which row-level security never restricts).
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private static readonly Lazy<string> MigratedTemplate = new(() =>
        PostgresServer.Shared.CreateTemplate(url => Target(url).Migrate()));

    private readonly Lazy<StoreTarget> _target = new(() => Target(PostgresServer.Shared.CreateDatabase(MigratedTemplate.Value)));

    private static StoreTarget Target(string url) => StoreTarget.Choose(robsonHome: "/nonexistent-robson-home", url);

    public override IRobsonStore Open()
    {
        var store = _target.Value.Open(createIfMissing: false);
        store.BindAllTenants();
        return store;
    }
}
