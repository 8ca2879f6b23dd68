using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Storage.Sqlite;

/// <summary>The SQLite store's witness of its chain heads: ROBSON_HOME/audit-heads (<see cref="AuditHeadsFile"/>), written after each commit.</summary>
public sealed partial class SqliteStore
{
    /// <summary>
    /// PRAGMA application_id once the heads of this database are witnessed in ROBSON_HOME/audit-heads ("RBH1"): from then
    /// on a missing heads file was removed, not yet to be started. A database from before the witness has 0 and gets its
    /// witness, seeded with every chain's current head, the first time this Robson opens it.
    /// </summary>
    private const int WitnessStarted = 0x52424831;

    private AuditHeadsFile? _heads;
    private readonly List<AuditHead> _pendingHeads = [];

    /// <summary>Seeds the heads file with every chain's head and marks the database, unless it is marked already.</summary>
    private void StartWitness(string home, bool checkFiles)
    {
        _heads = new AuditHeadsFile(Path.Combine(home, AuditHeadsFile.FileName));
        if (ApplicationId() == WitnessStarted)
        {
            if (checkFiles) PrivateFiles.Tighten(_heads.Path);
            return;
        }
        using var tx = BeginExclusiveAllTenants();
        if (ApplicationId() == WitnessStarted)
            return; // another process started it meanwhile
        var heads = Query("SELECT client_id, position, hash FROM audit_events e " +
                          "WHERE position = (SELECT MAX(position) FROM audit_events x WHERE x.client_id IS e.client_id) ORDER BY seq",
            r => new AuditHead(r.IsDBNull(0) ? null : ClientId.From(r.GetInt64(0)), r.GetInt64(1), r.GetString(2)));
        // The file first: a crash before the mark only seeds it again (the same heads twice), never leaves a mark without a file.
        _heads.Append(heads, create: true);
        Execute($"PRAGMA application_id = {WitnessStarted}");
        tx.Commit();
    }

    private int ApplicationId() => Convert.ToInt32(Scalar("PRAGMA application_id"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An in-memory store (no database yet) has no witness: nothing is kept, so nothing is witnessed.</summary>
    protected override void WitnessHead(AuditHead head)
    {
        if (_heads is not null) _pendingHeads.Add(head);
    }

    public override AuditWitness ReadAuditWitness(ClientId? clientId) => _heads is null ? AuditWitness.None : _heads.Read(clientId);

    /// <summary>After a commit: the heads of the events it appended. A missing file is not recreated (it stays reported).</summary>
    protected override void Committed()
    {
        if (_heads is null || _pendingHeads.Count == 0) return;
        try
        {
            _heads.Append(_pendingHeads, create: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The events are committed: the witness falls behind (which it may), and never claims more than the chain holds.
        }
        finally
        {
            _pendingHeads.Clear();
        }
    }

    protected override void RolledBack() => _pendingHeads.Clear();
}
