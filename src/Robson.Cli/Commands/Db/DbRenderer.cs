using Robson.Storage;

namespace Robson.Cli.Commands.Db;

/// <summary>The schema's state and a migration's result, as text or JSON, with the warnings an operator must see.</summary>
internal static class DbRenderer
{
    public static List<string> Warnings(SchemaStatus status)
    {
        var warnings = new List<string>();
        if (status.BypassesRowSecurity == true)
            warnings.Add($"connected as '{status.Role}', a superuser or BYPASSRLS role: row-level security does not apply, so the database does not " +
                         "keep tenants apart. Run Robson as an ordinary role that owns the database.");
        if (status.IsNewerThanKnown)
            warnings.Add($"the database is at schema {status.AppliedVersion}, newer than this Robson ({status.KnownVersion}): every command refuses it; upgrade Robson.");
        else if (status.Pending.Count > 0 && !status.MigratesOnOpen)
            warnings.Add("commands refuse this database until it is migrated: run robson db migrate");
        return warnings;
    }

    public static DbStatusJson ToJson(SchemaStatus s) => new(s.Engine, s.Location, s.AppliedVersion, s.KnownVersion,
        s.AppliedVersion == s.KnownVersion, s.IsNewerThanKnown, Migrations(s.Pending), s.MigratesOnOpen, s.Role, s.BypassesRowSecurity, Warnings(s));

    public static DbMigrateJson ToJson(MigrationOutcome o) =>
        new(o.After.Engine, o.After.Location, o.Before.AppliedVersion, o.After.AppliedVersion, Migrations(o.Applied));

    public static void Write(TextWriter output, SchemaStatus s)
    {
        output.WriteLine($"Engine:    {s.Engine}");
        output.WriteLine($"Location:  {s.Location}");
        if (s.Role is not null)
            output.WriteLine($"Role:      {s.Role}{(s.BypassesRowSecurity == true ? " (superuser or BYPASSRLS: row-level security does not apply)" : "")}");
        output.WriteLine($"Schema:    {s.AppliedVersion} applied, {s.KnownVersion} known to this Robson");
        if (s.Pending.Count == 0)
            output.WriteLine("Pending:   none");
        else
        {
            output.WriteLine($"Pending:   {s.Pending.Count}{(s.MigratesOnOpen ? " (applied by the next command that writes, or by robson db migrate)" : "")}");
            foreach (var m in s.Pending)
                output.WriteLine($"  {m.Version,3}  {m.Name}");
        }
    }

    public static void Write(TextWriter output, MigrationOutcome o)
    {
        if (o.Applied.Count == 0)
        {
            output.WriteLine($"Schema {o.After.AppliedVersion} of {o.After.Engine} at {o.After.Location} is up to date: nothing to apply.");
            return;
        }
        output.WriteLine($"Migrated {o.After.Engine} at {o.After.Location} from schema {o.Before.AppliedVersion} to {o.After.AppliedVersion}:");
        foreach (var m in o.Applied)
            output.WriteLine($"  {m.Version,3}  {m.Name}");
    }

    private static List<DbMigrationJson> Migrations(IEnumerable<SchemaMigration> migrations) =>
        [.. migrations.Select(m => new DbMigrationJson(m.Version, m.Name))];
}
