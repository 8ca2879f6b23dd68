using Robson.Core.Audit;
using Robson.Storage.Sql;

namespace Robson.Storage.Copy;

/// <summary>How many rows of each table were copied, and the audit chains verified on the target.</summary>
public sealed record CopyReport(IReadOnlyList<(string Table, long Rows)> Tables, int Chains, long Events)
{
    public long Rows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// `robson db copy`: moves a whole store into an empty database of another engine, in one transaction of the target.
/// Before committing it checks what it wrote: every table's row count equals the source's and every audit chain verifies
/// on the target. Anything wrong rolls the whole copy back, so the target is either a full copy or untouched.
/// </summary>
public static class StoreCopier
{
    public static CopyReport Copy(SqlStore source, SqlStore target)
    {
        var tables = source.TableNames().Where(t => !SqlStore.TablesNotCopied.Contains(t)).ToList();
        var missing = tables.Except(target.TableNames(), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw new StoreCopyException($"the target has no table {string.Join(", ", missing)}: both must be at this Robson's schema (run `robson db migrate` on it)", isInput: true);
        var sourceAudit = AuditChainVerifier.Verify(source.ReadAuditEvents(null));
        if (!sourceAudit.Intact)
            throw new StoreCopyException($"the source's audit chain is broken ({Describe(sourceAudit.FirstBreak!)}): nothing was copied");

        using var tx = target.BeginExclusiveAllTenants();
        if (tables.FirstOrDefault(t => target.CountRows(t) > 0) is { } used)
            throw new StoreCopyException($"the target database is not empty (table {used} has rows): copy only into an empty database", isInput: true);

        var counts = new List<(string, long)>();
        foreach (var table in tables)
        {
            source.ReadRows(table, (columns, rows) => target.WriteRows(table, columns, rows));
            var expected = source.CountRows(table);
            var written = target.CountRows(table);
            if (written != expected)
                throw new StoreCopyException($"table {table}: {written} rows written, the source has {expected}: nothing was copied");
            counts.Add((table, written));
        }
        target.FinishCopy();

        var copied = AuditChainVerifier.Verify(target.ReadAuditEvents(null));
        if (!copied.Intact)
            throw new StoreCopyException($"the copied audit chain does not verify ({Describe(copied.FirstBreak!)}): nothing was copied");
        tx.Commit();
        target.Analyze();
        return new CopyReport(counts, copied.Chains.Count, copied.Events);
    }

    private static string Describe(AuditBreak b) =>
        $"{(b.ClientId is { } c ? "client " + c : "events without a tenant")}, position {b.Position}, event {b.EventId}: {b.Code}";
}

/// <summary>A copy that was refused or rolled back; the message says why, and that the target was left as it was.</summary>
/// <see cref="IsInput"/>: the copy was refused for what it was given (a target that is not empty or lacks the schema), not
/// because a check failed.
public sealed class StoreCopyException(string message, bool isInput = false) : Exception(message)
{
    public bool IsInput => isInput;
}
