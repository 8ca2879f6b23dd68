using System.Text.Json.Serialization;

namespace Robson.Cli.Commands.Db;

// The --json contract of `robson db status|migrate` (snake_case). "location" never holds a password.
public sealed record DbMigrationJson(int Version, string Name);

public sealed record DbStatusJson(
    string Engine, string Location, int AppliedVersion, int KnownVersion, bool UpToDate, bool NewerThanKnown, List<DbMigrationJson> Pending,
    bool MigratesOnOpen, string? Role, bool? BypassesRowSecurity, List<string> Warnings);

public sealed record DbMigrateJson(string Engine, string Location, int FromVersion, int ToVersion, List<DbMigrationJson> Applied);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(DbStatusJson))]
[JsonSerializable(typeof(DbMigrateJson))]
public sealed partial class DbJsonContext : JsonSerializerContext;
