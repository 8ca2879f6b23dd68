using System.Data.Common;

namespace Robson.Storage.Sql;

/// <summary>
/// Rows as stored, table by table, for `robson db copy`: read from one engine, written to another in the target's
/// transaction. Values travel as the source returns them (amounts and times as their canonical text), so nothing is
/// re-rounded or re-formatted on the way.
/// </summary>
public abstract partial class SqlStore
{
    /// <summary>Rows per INSERT statement: few round trips, and far below any engine's limit on parameters per statement.</summary>
    private const int RowsPerInsert = 200;

    /// <summary>The tables this store's schema holds (its own bookkeeping excluded), in a stable order.</summary>
    public abstract IReadOnlyList<string> TableNames();

    /// <summary>
    /// The tables whose ties in time are ordered by <c>rowid</c> (see the class remarks): a copy carries SQLite's implicit
    /// rowid into the other engine's real column of that name, so the order of equal times survives the move.
    /// </summary>
    protected static readonly IReadOnlySet<string> TablesOrderedByRowid = new HashSet<string>(StringComparer.Ordinal)
        { "plans", "validations", "executions", "orders", "paper_orders" };

    /// <summary>
    /// Tables `db copy` leaves behind: idempotency_keys only caches the HTTP API's answers for 24 hours (a retry after the
    /// move runs again, as it would after the cache expired), and it is emptied as keys expire.
    /// </summary>
    public static readonly IReadOnlySet<string> TablesNotCopied = new HashSet<string>(StringComparer.Ordinal) { "idempotency_keys" };

    /// <summary>Whether reading the table must name its rowid, which SELECT * leaves out (SQLite's implicit one).</summary>
    protected virtual bool ReadsImplicitRowid(string table) => false;

    /// <summary>
    /// What goes between the column list and VALUES when rows are written with their own identity values (PostgreSQL:
    /// OVERRIDING SYSTEM VALUE); an engine whose identity columns accept explicit values needs nothing.
    /// </summary>
    protected virtual string CopyInsertClause => "";

    /// <summary>After a copy, identity counters must continue above the copied values.</summary>
    protected virtual void AfterCopy(string table) { }

    public long CountRows(string table) =>
        Convert.ToInt64(Scalar($"SELECT COUNT(*) FROM {Quoted(table)}"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Streams every row of <paramref name="table"/> to <paramref name="write"/> in batches, oldest first.</summary>
    public void ReadRows(string table, Action<IReadOnlyList<string>, IReadOnlyList<object?[]>> write)
    {
        var select = ReadsImplicitRowid(table) ? $"SELECT rowid AS rowid, * FROM {Quoted(table)} ORDER BY rowid" : $"SELECT * FROM {Quoted(table)}";
        using var command = Command(select);
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var batch = new List<object?[]>(RowsPerInsert);
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            batch.Add(row);
            if (batch.Count < RowsPerInsert) continue;
            write(columns, batch);
            batch = new List<object?[]>(RowsPerInsert);
        }
        if (batch.Count > 0) write(columns, batch);
    }

    /// <summary>Writes rows read by <see cref="ReadRows"/> from another store, inside the caller's transaction.</summary>
    public void WriteRows(string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        var names = string.Join(", ", columns.Select(Quoted));
        var values = string.Join(", ", rows.Select((_, r) => "(" + string.Join(", ", columns.Select((_, c) => $"@p{r}_{c}")) + ")"));
        var parameters = rows.SelectMany((row, r) => row.Select((value, c) => ($"@p{r}_{c}", value))).ToArray();
        Execute($"INSERT INTO {Quoted(table)} ({names}) {CopyInsertClause} VALUES {values}", parameters);
    }

    /// <summary>
    /// After the copy committed: an engine whose planner needs statistics gathers them now, so the first commands on a large
    /// copy do not run on plans made for empty tables.
    /// </summary>
    public virtual void Analyze() { }

    /// <summary>Called once every table was written.</summary>
    public void FinishCopy()
    {
        foreach (var table in TableNames())
            AfterCopy(table);
    }

    private static string Quoted(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? "\"" + name + "\"" : throw new ArgumentException($"not a table or column name: {name}", nameof(name));
}
