using Robson.Core.Ports;
using Robson.Storage.Tests.Support;

namespace Robson.Storage.Tests.Contract;

/// <summary>
/// The base of every store contract class: the tests are written against <see cref="IRobsonStore"/> only, and each engine
/// derives them with its own <see cref="TestDatabase"/> (a fresh, empty database per test). An engine is done when every
/// contract class passes on it.
/// </summary>
public abstract class StoreContract(TestDatabase database) : IDisposable
{
    private readonly List<IRobsonStore> _opened = [];
    private IRobsonStore? _store;

    /// <summary>The store most tests use, opened on first use.</summary>
    protected IRobsonStore Store => _store ??= OpenStore();

    /// <summary>A new store on the test's database, with its own connection. Closed at the end of the test.</summary>
    protected IRobsonStore OpenStore()
    {
        var store = database.Open();
        lock (_opened) _opened.Add(store);
        return store;
    }

    /// <summary>Another store on the same database, as a second process would open it.</summary>
    protected IRobsonStore OpenSecondStore() => OpenStore();

    public void Dispose()
    {
        lock (_opened)
            foreach (var store in _opened)
                store.Dispose();
        database.Dispose();
        GC.SuppressFinalize(this);
    }
}
