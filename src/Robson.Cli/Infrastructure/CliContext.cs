using Robson.Core.Audit;
using Robson.Core.Ports;
using Robson.Core.UseCases;
using Robson.Core.Domain;
using Robson.Storage;
using Robson.Storage.Sql;
using Robson.Venues;
using Robson.Venues.Binance;
using Robson.Venues.Paper;

namespace Robson.Cli;

/// <summary>
/// The composition root of one invocation. Builds only what the command asks for: the database is
/// opened once, on first use. Only commands that create data may create ROBSON_HOME, and if such a
/// command then fails on bad input, what it created is removed again: bad input writes nothing.
/// </summary>
public sealed class CliContext(CliIO io, IReadOnlyList<string> args) : IDisposable
{
    /// <summary>The version recorded in audit events: a constant written at build time (reading it by reflection costs start-up).</summary>
    public const string Version = BuildInfo.Version;

    private SqlStore? _store;
    private StoreTarget? _target;
    private RobsonEnvironment? _env;
    private PaperVenue? _paper;
    private VenueDirectory? _venues;
    private readonly List<string> _created = [];

    public CliIO IO => io;

    /// <summary>Where failures go: stderr, or one JSON error document on stdout under --json.</summary>
    public ErrorReport Errors { get; init; } = new(io, false);

    /// <summary>
    /// The tenant the command names with --client-id: the store's session is bound to it, so the database itself refuses
    /// to show or change another tenant's rows (PostgreSQL row-level security). Null: the command names no tenant and
    /// sees every tenant (the operator's view). Set once the command line is parsed, before any store is opened.
    /// </summary>
    public TenantBinding Tenant { get; set; } = TenantBinding.AllTenants;

    /// <summary>The store this invocation uses (ROBSON_DATABASE_URL, else SQLite in ROBSON_HOME); a malformed URL is a usage error.</summary>
    public StoreTarget StoreTarget => _target ??= io.Store ?? StoreTarget.Choose(io.RobsonHome, io.GetEnvironmentVariable(StoreTarget.DatabaseUrlVariable));

    /// <summary>
    /// Set by the commands that may sign venue requests (LIVE execute, reconcile, open orders) before the
    /// environment is built. Everything else runs on public market data and cannot load a secret.
    /// </summary>
    public bool AllowCredentials { get; set; }

    /// <summary>
    /// The environment for use cases. With <paramref name="create"/> false a missing database is not
    /// created (an empty in-memory store answers instead); commands that only act on existing plans or
    /// strategies use that, since nothing can exist in a database that does not.
    /// </summary>
    public RobsonEnvironment Environment(bool create)
    {
        if (_env is not null) return _env;
        var target = StoreTarget;
        _created.AddRange(target.PathsCreatedBy(create));
        HasStore = create || target.Exists;
        _store = target.Open(createIfMissing: create);
        Tenant.Bind(_store);
        _paper = new PaperVenue(_store, _store, io.Time);
        var actor = io.Actor ?? new AuditActor(io.User, io.Host, CommandLineRedactor.Redact(args), Version);
        _venues = new VenueDirectory(_paper, _store, _store, io.Time, BinanceOptions.FromEnvironment(io.GetEnvironmentVariable), CredentialsFor);
        _env = new RobsonEnvironment(_store, _venues, io.Time, new RandomIdGenerator(), actor);
        return _env;
    }

    /// <summary>False when the environment answers from an empty in-memory store (no database yet, and the command creates none).</summary>
    public bool HasStore { get; private set; }

    public PaperVenue Paper(bool create)
    {
        Environment(create);
        return _paper!;
    }

    /// <summary>Removes a database (and home) this invocation created, after the command was refused.</summary>
    public void UndoCreation()
    {
        _venues?.Dispose();
        _store?.Dispose();
        _store = null;
        foreach (var path in Enumerable.Reverse(_created))
        {
            // The database comes with its -wal, -shm and the witness of its audit heads: a refused command leaves none of them.
            var files = Path.GetFileName(path) == Storage.Sqlite.SqliteStore.FileName ? Storage.Sqlite.SqliteStore.Files.Select(f => Path.Combine(Path.GetDirectoryName(path)!, f)) : [path];
            foreach (var file in files)
                if (File.Exists(file)) File.Delete(file);
            if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any()) Directory.Delete(path);
        }
    }

    /// <summary>The command ran (whatever its verdict): keep the venue caches it filled. Refused input skips this.</summary>
    public void Completed()
    {
        try
        {
            _venues?.Flush();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only caches: the command's own records are already committed.
        }
    }

    private Func<BinanceCredentials>? CredentialsFor(Core.Ports.VenueConfig venue) => AllowCredentials
        ? () =>
        {
            // Checked again when loading, for venues added before names were checked: never another tenant's account.
            if (_store!.VenuesOfOtherTenants(venue.ClientId).FirstOrDefault(venue.SharesEnvironmentCredentialsWith) is { } shared)
                throw new VenueConfigurationException(
                    $"venue '{venue.Name}' would read the same environment credentials as another tenant's venue '{shared.Name}': give it a --credentials-file");
            return CredentialLoader.Load(venue.Name, venue.CredentialsFile, io.GetEnvironmentVariable);
        }
        : null;

    public void Dispose()
    {
        _venues?.Dispose();
        _store?.Dispose();
    }

    private sealed class RandomIdGenerator : IIdGenerator
    {
        public string NewId() => Convert.ToHexStringLower(Core.Hashing.SecureRandom.Bytes(6));
    }
}
