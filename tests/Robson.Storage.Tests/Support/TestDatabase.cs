using Robson.Core.Ports;

namespace Robson.Storage.Tests.Support;

/// <summary>
/// One empty database of one engine, for one test. <see cref="Open"/> may be called several times: each store it returns
/// has its own connection to the same database, as two processes would.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    public abstract IRobsonStore Open();

    public virtual void Dispose() { }
}
