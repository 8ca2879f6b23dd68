using System.Globalization;
using System.Text;
using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Storage.Sqlite;

/// <summary>
/// The witness of the SQLite store's chain heads, outside the database: <c>ROBSON_HOME/audit-heads</c>, append-only,
/// one line per appended event, <c>CLIENT POSITION HASH</c> (CLIENT is <c>-</c> for the chain without a tenant), written
/// only after the event's transaction committed, so it may lag behind a chain (a crash in between) but never lead it.
/// Lines starting with <c>#</c> are comments. Created 0600. A last line without its line feed is a write a crash cut
/// short: it is ignored, and the next append ends it with <see cref="CutShort"/> first; any other line that is not a head
/// means the file was edited.
/// </summary>
internal sealed class AuditHeadsFile(string path)
{
    public const string FileName = "audit-heads";

    /// <summary>Ends a line a crash cut short, so the next head starts a line of its own and the cut one is known as such.</summary>
    public const string CutShort = " # cut short by a crash";

    private const string Header = "# robson audit heads: one line per appended event, CLIENT POSITION HASH ('-' for no tenant); append-only\n";

    public string Path => path;

    public bool Exists => File.Exists(path);

    public static string Line(AuditHead head) =>
        $"{head.ClientId?.ToString() ?? "-"} {head.Position?.ToString(CultureInfo.InvariantCulture)} {head.Hash}\n";

    /// <summary>
    /// Creates the file (0600) if it is missing, then appends the lines in one write. Processes append after their commits,
    /// outside the database's lock, so the file is opened exclusively (an advisory lock on Unix), waiting for another
    /// process's append or read to finish, and the end is found under that lock.
    /// </summary>
    public void Append(IEnumerable<AuditHead> heads, bool create)
    {
        var text = new StringBuilder();
        foreach (var head in heads) text.Append(Line(head));
        if (text.Length == 0 && !create) return;
        if (!Exists && !create) return;
        var options = new FileStreamOptions { Mode = create ? FileMode.OpenOrCreate : FileMode.Open, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows() && create) options.UnixCreateMode = PrivateFiles.FileMode;
        using var stream = Exclusively(() => new FileStream(path, options));
        if (stream.Length == 0)
            text.Insert(0, Header);
        else
        {
            stream.Seek(-1, SeekOrigin.End);
            if (stream.ReadByte() != '\n') text.Insert(0, CutShort + "\n");
        }
        stream.Seek(0, SeekOrigin.End);
        stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>Retries while another process holds the file (an IOException while it still exists), for up to 10 s.</summary>
    private T Exclusively<T>(Func<T> open)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return open(); }
            catch (IOException e) when (attempt < 1000 && e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                Thread.Sleep(10);
            }
        }
    }

    /// <summary>Every head of the file, or only the tenant's; a line that is not a head makes the witness damaged.</summary>
    public AuditWitness Read(ClientId? only)
    {
        if (!Exists) return Missing();
        string text;
        try
        {
            using var stream = Exclusively(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read));
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text = reader.ReadToEnd();
        }
        catch (FileNotFoundException) { return Missing(); }
        var heads = new List<AuditHead>();
        var lines = text.Split('\n');
        // The last element is empty after a final line feed, or a line cut short by a crash: neither is a head.
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#') || line.EndsWith(CutShort, StringComparison.Ordinal)) continue;
            if (Parse(line) is not { } head)
                return new AuditWitness(heads, $"line {i + 1} of the heads file {path} is not a head ('{Truncate(line)}'): the file was edited");
            if (only is null || head.ClientId == only) heads.Add(head);
        }
        return new AuditWitness(heads);
    }

    private AuditWitness Missing() => new([], $"the heads file {path} is missing: it was removed after the witness was started");

    private static AuditHead? Parse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 3 || parts[2].Length != 64 || !parts[2].All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c))) return null;
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position < 1) return null;
        if (parts[0] == "-") return new AuditHead(null, position, parts[2]);
        return long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var client) && client > 0
            ? new AuditHead(ClientId.From(client), position, parts[2])
            : null;
    }

    private static string Truncate(string line) => line.Length > 40 ? line[..40] + "…" : line;
}
