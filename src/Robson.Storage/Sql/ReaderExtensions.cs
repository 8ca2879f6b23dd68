using System.Data.Common;

namespace Robson.Storage.Sql;

/// <summary>Nullable columns and amounts read the same way on every engine's reader.</summary>
internal static class ReaderExtensions
{
    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    /// <summary>An amount: canonical decimal TEXT on SQLite, NUMERIC on PostgreSQL (read as decimal, exactly).</summary>
    public static decimal Dec(this DbDataReader reader, int ordinal) => Text.ReadDec(reader.GetValue(ordinal))
        ?? throw new InvalidCastException($"column {reader.GetName(ordinal)} holds NULL where an amount is required");

    public static decimal? NullableDec(this DbDataReader reader, int ordinal) => Text.ReadDec(reader.GetValue(ordinal));
}
