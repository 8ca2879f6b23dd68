using Robson.Core.Domain;

namespace Robson.Storage.Sql;

public abstract partial class SqlStore
{
    // substr equality rather than LIKE ('_' is a wildcard and occurs in ids) or a range (PostgreSQL's default collation
    // orders punctuation by locale rules): equality is byte-exact on both engines. The tenant's plans bound the scan.
    public IReadOnlyList<string> PlanIdsStartingWith(ClientId clientId, string prefix, int limit) =>
        Query("SELECT id FROM plans WHERE client_id = @c AND substr(id, 1, @len) = @p ORDER BY id LIMIT @n",
            r => r.GetString(0), ("@c", clientId.Value), ("@len", prefix.Length), ("@p", prefix), ("@n", limit));
}
