using System.CommandLine;
using Robson.Cli.Rendering;
using Robson.Storage;
using Robson.Storage.Copy;

namespace Robson.Cli.Commands.Db;

/// <summary>
/// <c>robson db copy --to postgresql://…</c>: moves the SQLite store of ROBSON_HOME up to an empty PostgreSQL database.
/// The target's schema is migrated first if it has none; the rows then go in one transaction that commits only once
/// every table's row count and every audit chain check out on the target.
/// </summary>
internal static class DbCopyCommand
{
    public static Command Build(CliContext context)
    {
        var to = new Option<string>("--to") { Description = "The empty PostgreSQL database to copy into (postgresql://user[:password]@host[:port]/database).", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("copy",
            "Copy this ROBSON_HOME's SQLite store into an empty PostgreSQL database, in one transaction: every table, row for\n" +
            "row (amounts, times and ids exactly as stored), then check the row counts and verify every audit chain on the\n" +
            "target before committing. A target without Robson's schema is migrated first; one holding any row is refused.\n" +
            "The SQLite store is not changed (an older one is first migrated, as by any command). Then set ROBSON_DATABASE_URL\n" +
            "to the target to use it.") { to, json };
        command.SetAction(result =>
        {
            var source = StoreTarget.Choose(context.IO.RobsonHome, null);
            if (!source.Exists)
                throw new UsageException($"there is no SQLite store to copy in ROBSON_HOME ({source.Location})");
            var url = result.GetValue(to)!;
            if (!url.StartsWith("postgresql://", StringComparison.Ordinal) && !url.StartsWith("postgres://", StringComparison.Ordinal))
                throw new UsageException("--to must be a postgresql:// URL (db copy moves a SQLite store up to PostgreSQL)");
            var target = StoreTarget.Choose(context.IO.RobsonHome, url);

            var before = target.Status();
            if (before.IsNewerThanKnown)
                throw new UsageException($"the target {target.Location} was written by a newer Robson (schema {before.AppliedVersion} > {before.KnownVersion})");
            var migrated = before.Pending.Count > 0 ? target.Migrate().Applied.Count : 0;

            CopyReport report;
            using (var from = source.Open(createIfMissing: false))
            using (var into = target.Open(createIfMissing: false))
            {
                into.BindAllTenants();
                try
                {
                    report = StoreCopier.Copy(from, into);
                }
                catch (StoreCopyException e) when (e.IsInput)
                {
                    throw new UsageException(e.Message);
                }
                catch (StoreCopyException e)
                {
                    return context.Errors.Write(ErrorCodes.CopyFailed, "db copy: " + e.Message, ExitCodes.BlockedOrFailed);
                }
            }
            var outcome = new DbCopyJson(source.Location, target.Location, migrated, report.Rows, report.Chains, report.Events,
                report.Tables.Select(t => new DbCopiedTableJson(t.Table, t.Rows)).ToList());
            if (result.GetValue(json))
                Output.Json(context.IO, outcome, DbJsonContext.Default.DbCopyJson);
            else
                Write(context.IO.Out, outcome);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(TextWriter output, DbCopyJson copy)
    {
        output.WriteLine($"Copied {copy.Source}");
        output.WriteLine($"  into {copy.Target}{(copy.MigrationsApplied > 0 ? $" (schema created first: {copy.MigrationsApplied} migration(s))" : "")}");
        foreach (var table in copy.Tables.Where(t => t.Rows > 0))
            output.WriteLine($"  {table.Table,-22} {table.Rows,10:N0} rows");
        output.WriteLine($"  {"total",-22} {copy.Rows,10:N0} rows, in one transaction; row counts checked");
        output.WriteLine($"Audit: {copy.Chains} chain(s), {copy.Events:N0} event(s), each verified on the target.");
        output.WriteLine("Use it: export ROBSON_DATABASE_URL=<the URL you gave --to> (the SQLite store was left as it was).");
    }
}
