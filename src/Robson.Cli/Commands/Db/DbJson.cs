using System.Text.Json.Serialization;

namespace Robson.Cli.Commands.Db;

// The --json contract of `robson db status|migrate` (snake_case). "location" never holds a password.
public sealed record DbMigrationJson(int Version, string Name);

public sealed record DbStatusJson(
    string Engine, string Location, int AppliedVersion, int KnownVersion, bool UpToDate, bool NewerThanKnown, List<DbMigrationJson> Pending,
    bool MigratesOnOpen, string? Role, bool? BypassesRowSecurity, List<string> Warnings);

public sealed record DbMigrateJson(string Engine, string Location, int FromVersion, int ToVersion, List<DbMigrationJson> Applied);

public sealed record DbCopiedTableJson(string Table, long Rows);

public sealed record DbCopyJson(string Source, string Target, int MigrationsApplied, long Rows, int Chains, long Events, List<DbCopiedTableJson> Tables);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(DbStatusJson))]
[JsonSerializable(typeof(DbMigrateJson))]
[JsonSerializable(typeof(DbCopyJson))]
public sealed partial class DbJsonContext : JsonSerializerContext;
