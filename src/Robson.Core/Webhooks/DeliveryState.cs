namespace Robson.Core.Webhooks;

/// <summary>Where one event's delivery to one webhook stands. Stored by name (PENDING, DELIVERED, DEAD).</summary>
public enum DeliveryState
{
    /// <summary>Not delivered yet: due at its next attempt time (the first attempt is due at once).</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed: a dead letter, listed by <c>webhook dead-letters</c>, never retried.</summary>
    Dead,
}
