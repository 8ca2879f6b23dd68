namespace Robson.Core.Ports;

/// <summary>What <see cref="IIdempotencyStore.BeginIdempotent"/> found for a key.</summary>
public abstract record IdempotencyBegin
{
    private IdempotencyBegin() { }

    /// <summary>The key is new (or expired): this request runs, then completes the key with its answer.</summary>
    public sealed record Started : IdempotencyBegin;

    /// <summary>The same request ran before under this key and completed: answer exactly this again.</summary>
    public sealed record Replay(int Status, string ContentType, string Body) : IdempotencyBegin;

    /// <summary>The key was used for a request with other content: refuse, never replay another request's answer.</summary>
    public sealed record Mismatch : IdempotencyBegin;

    /// <summary>The same request holds the key and has not completed yet (running, or crashed before completing).</summary>
    public sealed record InProgress : IdempotencyBegin;
}
