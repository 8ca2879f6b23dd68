namespace Robson.Storage.Tests.Support;

/// <summary>Runs the same work on several dedicated threads released at once, as concurrent processes would run it.</summary>
internal static class Race
{
    public static IReadOnlyList<T> Run<T>(int threads, Func<int, T> work, TimeSpan? timeout = null)
    {
        var results = new T[threads];
        var errors = new Exception?[threads];
        using var start = new Barrier(threads);
        var all = Enumerable.Range(0, threads).Select(i => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                results[i] = work(i);
            }
            catch (Exception e) { errors[i] = e; }
        }) { IsBackground = true }).ToList();
        all.ForEach(t => t.Start());
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        foreach (var thread in all)
            if (!thread.Join(Max(deadline - DateTime.UtcNow, TimeSpan.Zero)))
                throw new TimeoutException($"a racing thread did not finish within {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds} s");
        if (errors.Any(e => e is not null))
            throw new AggregateException("a racing thread failed", errors.OfType<Exception>());
        return results;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
