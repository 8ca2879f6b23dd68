using Robson.Core.Domain;

namespace Robson.Core.Webhooks;

/// <summary>
/// A URL that receives the tenant's events, signed with a secret. The secret is never part of this record: the store keeps
/// it (the server must sign with it) and hands it only to the delivery (<see cref="ClaimedDelivery"/>).
/// </summary>
/// <param name="Id">12 hex characters: how people list and remove it.</param>
/// <param name="Events">Event names (<see cref="WebhookEvents.All"/>), in canonical order.</param>
/// <param name="RemovedAt">Null while it receives events.</param>
public sealed record Webhook(string Id, ClientId ClientId, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, DateTimeOffset? RemovedAt)
{
    public bool Equals(Webhook? other) => other is not null && Id == other.Id && ClientId == other.ClientId && Url == other.Url
        && Events.SequenceEqual(other.Events) && CreatedAt == other.CreatedAt && RemovedAt == other.RemovedAt;

    public override int GetHashCode() => HashCode.Combine(Id, ClientId, Url, CreatedAt);
}
