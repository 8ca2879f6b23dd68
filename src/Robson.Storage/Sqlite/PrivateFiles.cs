namespace Robson.Storage.Sqlite;

/// <summary>
/// ROBSON_HOME and the store's files are the owner's alone: the folder is created 0700, the database (and with it
/// SQLite's -wal and -shm, which take the database's mode) and the heads file 0600. A home that group or others may
/// write to is refused: anyone who can write there can replace the database or the witness.
/// </summary>
internal static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the home (0700, with any missing parent) or checks that an existing one is not writable by group or others.</summary>
    public static void PrepareHome(string home, bool create)
    {
        if (OperatingSystem.IsWindows())
        {
            if (create) Directory.CreateDirectory(home);
            return;
        }
        if (!Directory.Exists(home))
        {
            if (create) Directory.CreateDirectory(home, FolderMode);
            return;
        }
        var mode = File.GetUnixFileMode(home);
        if ((mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            throw new Sql.StoreUnavailableException(
                $"ROBSON_HOME '{home}' is writable by {((mode & UnixFileMode.OtherWrite) != 0 ? "others" : "its group")} (mode {Octal(mode)}): " +
                $"make it private with `chmod 700 {home}`");
    }

    /// <summary>Creates an empty file 0600 if it is missing (SQLite then opens it as a new database).</summary>
    public static void CreateFile(string path)
    {
        if (File.Exists(path)) return;
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        try { using var _ = new FileStream(path, options); }
        catch (IOException) when (File.Exists(path)) { } // another process created it first
    }

    /// <summary>Takes group and others' access away from files an older Robson created 0644.</summary>
    public static void Tighten(params string[] paths)
    {
        if (OperatingSystem.IsWindows()) return;
        foreach (var path in paths)
        {
            try
            {
                if (File.Exists(path) && (File.GetUnixFileMode(path) & ~FileMode) != 0)
                    File.SetUnixFileMode(path, File.GetUnixFileMode(path) & FileMode);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not ours to change (another owner): the home's own check is what protects the store.
            }
        }
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8);
}
