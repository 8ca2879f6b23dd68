namespace Robson.Storage.Sql;

/// <summary>ROBSON_HOME or its database cannot be used (not a directory, unreadable, corrupt, too new).</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
