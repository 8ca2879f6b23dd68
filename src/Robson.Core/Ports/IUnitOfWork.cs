namespace Robson.Core.Ports;

/// <summary>
/// Serialises writers: inside an exclusive transaction no other process can read-then-write the same
/// figures, which is what makes "check the limit and reserve" one atomic step.
/// </summary>
public interface IUnitOfWork
{
    ITransactionScope BeginExclusive();
}

/// <summary>Rolls back on dispose unless committed.</summary>
public interface ITransactionScope : IDisposable
{
    void Commit();
}
