using Robson.Core.Audit;
using Robson.Core.Ports;
using Robson.Core.UseCases;
using Robson.Storage.Sqlite;
using Robson.Venues;
using Robson.Venues.Paper;

namespace Robson.Cli;

/// <summary>
/// The composition root of one invocation. Builds only what the command asks for: the database is
/// opened once, on first use, and created only by commands that write.
/// </summary>
public sealed class CliContext(CliIO io, IReadOnlyList<string> args) : IDisposable
{
    public static readonly string Version =
        typeof(CliContext).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private SqliteStore? _store;
    private RobsonEnvironment? _env;
    private PaperVenue? _paper;

    public CliIO IO => io;

    /// <summary>The environment for use cases. <paramref name="writes"/> false never creates ROBSON_HOME.</summary>
    public RobsonEnvironment Environment(bool writes)
    {
        if (_env is not null) return _env;
        _store = SqliteStore.Open(io.RobsonHome, createIfMissing: writes);
        _paper = new PaperVenue(_store, _store, io.Time);
        var actor = new AuditActor(io.User, io.Host, CommandLineRedactor.Redact(args), Version);
        _env = new RobsonEnvironment(_store, new VenueDirectory(_paper), io.Time, new RandomIdGenerator(), actor);
        return _env;
    }

    public PaperVenue Paper(bool writes)
    {
        Environment(writes);
        return _paper!;
    }

    public void Dispose() => _store?.Dispose();

    private sealed class RandomIdGenerator : IIdGenerator
    {
        public string NewId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
    }
}
