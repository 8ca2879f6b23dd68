using Robson.Storage.Tests.Contract;

namespace Robson.Storage.Tests.Sqlite;

// The store contract on the embedded SQLite store, one fresh ROBSON_HOME per test. One line per contract class, so they
// share this file. TenantLockContract is not derived: SQLite has a single writer, so one tenant does wait for another.

public sealed class SqlitePlanStoreTests() : PlanStoreContract(new SqliteTestDatabase());

public sealed class SqliteStrategyStoreTests() : StrategyStoreContract(new SqliteTestDatabase());

public sealed class SqliteValidationStoreTests() : ValidationStoreContract(new SqliteTestDatabase());

public sealed class SqliteExecutionStoreTests() : ExecutionStoreContract(new SqliteTestDatabase());

public sealed class SqliteOrderStoreTests() : OrderStoreContract(new SqliteTestDatabase());

public sealed class SqliteFillStoreTests() : FillStoreContract(new SqliteTestDatabase());

public sealed class SqliteAuditLogTests() : AuditLogContract(new SqliteTestDatabase());

public sealed class SqlitePaperLedgerTests() : PaperLedgerContract(new SqliteTestDatabase());

public sealed class SqliteVenueRegistryTests() : VenueRegistryContract(new SqliteTestDatabase());

public sealed class SqliteTradingStateStoreTests() : TradingStateStoreContract(new SqliteTestDatabase());

public sealed class SqliteTenantIsolationTests() : TenantIsolationContract(new SqliteTestDatabase());

public sealed class SqliteLimitsReservationTests() : LimitsReservationContract(new SqliteTestDatabase());

public sealed class SqliteSchemaTests() : SchemaContract(new SqliteTestDatabase());

public sealed class SqliteConcurrentOpenTests() : ConcurrentOpenContract(new SqliteTestDatabase());

public sealed class SqlitePlanHistoryTests() : PlanHistoryContract(new SqliteTestDatabase());

public sealed class SqliteFillsExportTests() : FillsExportContract(new SqliteTestDatabase());

public sealed class SqliteTokenStoreTests() : TokenStoreContract(new SqliteTestDatabase());

public sealed class SqliteIdempotencyStoreTests() : IdempotencyStoreContract(new SqliteTestDatabase());

public sealed class SqliteWebhookStoreTests() : WebhookStoreContract(new SqliteTestDatabase());
