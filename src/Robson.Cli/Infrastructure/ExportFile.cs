using System.Text;

namespace Robson.Cli;

/// <summary>
/// Writing an export to --output: all or nothing (a temporary file beside the target, flushed to disk, then renamed),
/// readable by the owner only (exports hold the tenant's trading history), and never over an existing file unless asked.
/// </summary>
public static class ExportFile
{
    /// <summary>The full path to write, checked before anything is read: its directory exists, it is not a directory, and it does not exist unless <paramref name="force"/>.</summary>
    public static string CheckTarget(string path, bool force)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new UsageException("--output needs a file name");
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new UsageException($"--output '{path}' is a directory");
        if (!Directory.Exists(Path.GetDirectoryName(full)))
            throw new UsageException($"--output '{path}': directory '{Path.GetDirectoryName(full)}' does not exist");
        if (File.Exists(full) && !force)
            throw new UsageException($"--output '{path}' already exists (add --force to replace it)");
        return full;
    }

    /// <summary>
    /// Writes through <paramref name="write"/> and renames into place. Without <paramref name="force"/> the rename refuses
    /// a file that appeared meanwhile (no-clobber), so an existing file is never replaced behind the trader's back.
    /// </summary>
    public static T WriteAtomically<T>(string target, bool force, Func<TextWriter, T> write)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            T value;
            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                value = write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: force);
            return value;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write --output '{target}': {e.Message}");
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>One RFC 4180 cell: quoted when it holds a comma, quote or line break, or edge spaces; null is empty.</summary>
    public static string Csv(string? cell)
    {
        if (cell is null) return "";
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 || cell != cell.Trim() ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }
}
