using Robson.Core.Domain;

namespace Robson.Core.Ports;

/// <summary>
/// Serialises writers per tenant: inside a tenant's exclusive transaction no other process can read-then-write that
/// tenant's figures, which is what makes "check the limit and reserve" one atomic step. One tenant's transaction never
/// waits for another tenant's (on PostgreSQL; the embedded SQLite store has a single writer and serialises them all).
/// </summary>
public interface IUnitOfWork
{
    /// <summary>The tenant's lock, held until the scope commits or rolls back. Inside an open transaction it joins it
    /// (and takes the tenant's lock too, where locks are per tenant).</summary>
    ITransactionScope BeginExclusive(ClientId tenant);

    /// <summary>Every tenant's lock at once, for the few writes that touch several tenants (a paper price that fills
    /// resting orders of any tenant): waits for every tenant's transaction, and every tenant's waits for it.</summary>
    ITransactionScope BeginExclusiveAllTenants();
}

/// <summary>Rolls back on dispose unless committed.</summary>
public interface ITransactionScope : IDisposable
{
    void Commit();
}
