namespace Robson.Cli.Tests.Support.Tampering;

/// <summary>
/// Changes a store behind Robson's back, the way someone with the database's owner rights could: raw SQL, with the
/// append-only triggers lifted first. One subclass per engine; <see cref="TamperScenarios"/> is written once for all.
/// </summary>
public abstract class StoreTamperer
{
    /// <summary>Runs each statement, in order, in one session.</summary>
    public abstract void Sql(params string[] statements);

    public abstract T Scalar<T>(string sql);

    /// <summary>Lifts every append-only guard (audit_events, plans, validations, executions, fills, orders), as an attacker would first.</summary>
    public abstract void DropAppendOnlyGuards();
}
