using System.Data.Common;

namespace Robson.Storage.Sql;

/// <summary>Nullable columns read the same way on every engine's reader.</summary>
internal static class ReaderExtensions
{
    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
