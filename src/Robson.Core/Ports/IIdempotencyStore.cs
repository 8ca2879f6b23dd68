using Robson.Core.Domain;

namespace Robson.Core.Ports;

/// <summary>
/// Idempotency keys of the HTTP API: a client that retries a request with the same key gets the first answer again instead
/// of a second execution. Keys are per tenant and live 24 hours.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>How long a key is remembered; an older key counts as never seen.</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// Claims <paramref name="key"/> for a request whose content hashes to <paramref name="requestHash"/>. Forgets the
    /// tenant's keys older than <see cref="KeyLifetime"/> first. Of several calls racing with one new key, exactly one gets
    /// <see cref="IdempotencyBegin.Started"/>; the others see the key as it then is.
    /// </summary>
    IdempotencyBegin BeginIdempotent(ClientId client, string key, string requestHash, DateTimeOffset now);

    /// <summary>Stores the answer of the request that got <see cref="IdempotencyBegin.Started"/> for <paramref name="key"/>, for replay.</summary>
    void CompleteIdempotent(ClientId client, string key, int status, string contentType, string body);

    /// <summary>Forgets a key whose request did not complete (a server or venue failure): a retry with it runs afresh.</summary>
    void ForgetIdempotent(ClientId client, string key);
}
