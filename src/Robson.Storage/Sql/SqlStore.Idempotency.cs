using Robson.Core.Domain;
using Robson.Core.Ports;

namespace Robson.Storage.Sql;

/// <summary>
/// Idempotency keys of the HTTP API, per tenant, for 24 hours. A key is claimed under the tenant's write lock, and the
/// primary key (client_id, key) with INSERT … ON CONFLICT DO NOTHING makes the claim exact even without it: of racing
/// requests with one new key exactly one inserts its row, and that one is <see cref="IdempotencyBegin.Started"/>.
/// </summary>
public abstract partial class SqlStore
{
    public IdempotencyBegin BeginIdempotent(ClientId client, string key, string requestHash, DateTimeOffset now)
    {
        using var tx = BeginExclusive(client);
        // Expired keys go first, so a key reused after 24 hours starts afresh (and the table stays small).
        Execute("DELETE FROM idempotency_keys WHERE client_id = @c AND created_at < @cutoff",
            ("@c", client.Value), ("@cutoff", Text.Time(now - IIdempotencyStore.KeyLifetime)));
        var inserted = Execute("INSERT INTO idempotency_keys (client_id, key, request_hash, created_at) VALUES (@c, @k, @h, @t) " +
                               "ON CONFLICT (client_id, key) DO NOTHING",
            ("@c", client.Value), ("@k", key), ("@h", requestHash), ("@t", Text.Time(now)));
        IdempotencyBegin begin = inserted == 1
            ? new IdempotencyBegin.Started()
            : Query("SELECT request_hash, status, content_type, body FROM idempotency_keys WHERE client_id = @c AND key = @k",
                r => r.GetString(0) != requestHash ? new IdempotencyBegin.Mismatch()
                    : r.IsDBNull(1) ? new IdempotencyBegin.InProgress()
                    : (IdempotencyBegin)new IdempotencyBegin.Replay(r.GetInt32(1), r.NullableString(2) ?? "", r.NullableString(3) ?? ""),
                ("@c", client.Value), ("@k", key)).Single();
        tx.Commit();
        return begin;
    }

    public void ForgetIdempotent(ClientId client, string key)
    {
        using var tx = BeginExclusive(client);
        Execute("DELETE FROM idempotency_keys WHERE client_id = @c AND key = @k AND status IS NULL", ("@c", client.Value), ("@k", key));
        tx.Commit();
    }

    /// <summary>Only the first completion counts (a completed answer is never rewritten); a key that expired meanwhile stays forgotten.</summary>
    public void CompleteIdempotent(ClientId client, string key, int status, string contentType, string body)
    {
        using var tx = BeginExclusive(client);
        Execute("UPDATE idempotency_keys SET status = @s, content_type = @ct, body = @b WHERE client_id = @c AND key = @k AND status IS NULL",
            ("@s", status), ("@ct", contentType), ("@b", body), ("@c", client.Value), ("@k", key));
        tx.Commit();
    }
}
