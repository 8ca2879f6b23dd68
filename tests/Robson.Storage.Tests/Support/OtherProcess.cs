namespace Robson.Storage.Tests.Support;

/// <summary>
/// Work on a thread of its own, standing for another process, that the test can watch: still waiting (on a lock), or done
/// with a result. A dedicated thread, not a pool task, so a blocked lock wait never starves the test's own threads.
/// </summary>
internal sealed class OtherProcess<T>
{
    private readonly ManualResetEventSlim _done = new();
    private T? _result;
    private Exception? _error;

    private OtherProcess(Func<T> work)
    {
        new Thread(() =>
        {
            try { _result = work(); }
            catch (Exception e) { _error = e; }
            finally { _done.Set(); }
        }) { IsBackground = true }.Start();
    }

    public static OtherProcess<T> Start(Func<T> work) => new(work);

    public bool IsDone => _done.IsSet;

    /// <summary>True if the work finished within <paramref name="timeout"/>.</summary>
    public bool Wait(TimeSpan timeout) => _done.Wait(timeout);

    public T Result => !_done.IsSet ? throw new InvalidOperationException("still running")
        : _error is not null ? throw new InvalidOperationException("the other process failed", _error) : _result!;
}
