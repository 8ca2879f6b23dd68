using Robson.Cli.Commands.Serve;

namespace Robson.Server.Api;

/// <summary>
/// The server's --concurrency: at most N commands run at once, whether an API request or a dashboard page asked for
/// them (each running command holds database connections). The others wait for a slot.
/// </summary>
public sealed class CommandSlots(int concurrency)
{
    public CommandSlots(ServeSettings settings) : this(settings.Concurrency) { }

    private readonly SemaphoreSlim _slots = new(concurrency);

    public Task WaitAsync(CancellationToken cancel) => _slots.WaitAsync(cancel);

    public void Wait(CancellationToken cancel) => _slots.Wait(cancel);

    public void Release() => _slots.Release();
}
