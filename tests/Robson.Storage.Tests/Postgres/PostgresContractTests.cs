using Robson.Storage.Tests.Contract;

namespace Robson.Storage.Tests.Postgres;

// The store contract on PostgreSQL, one fresh database per test on the run's throwaway server. One line per contract
// class, so they share this file. PostgreSQL locks per tenant, so it also owes TenantLockContract.

public sealed class PostgresPlanStoreTests() : PlanStoreContract(new PostgresTestDatabase());

public sealed class PostgresStrategyStoreTests() : StrategyStoreContract(new PostgresTestDatabase());

public sealed class PostgresValidationStoreTests() : ValidationStoreContract(new PostgresTestDatabase());

public sealed class PostgresExecutionStoreTests() : ExecutionStoreContract(new PostgresTestDatabase());

public sealed class PostgresOrderStoreTests() : OrderStoreContract(new PostgresTestDatabase());

public sealed class PostgresFillStoreTests() : FillStoreContract(new PostgresTestDatabase());

public sealed class PostgresAuditLogTests() : AuditLogContract(new PostgresTestDatabase());

public sealed class PostgresPaperLedgerTests() : PaperLedgerContract(new PostgresTestDatabase());

public sealed class PostgresVenueRegistryTests() : VenueRegistryContract(new PostgresTestDatabase());

public sealed class PostgresTradingStateStoreTests() : TradingStateStoreContract(new PostgresTestDatabase());

public sealed class PostgresTenantIsolationTests() : TenantIsolationContract(new PostgresTestDatabase());

public sealed class PostgresLimitsReservationTests() : LimitsReservationContract(new PostgresTestDatabase());

public sealed class PostgresSchemaTests() : SchemaContract(new PostgresTestDatabase());

public sealed class PostgresConcurrentOpenTests() : ConcurrentOpenContract(new PostgresTestDatabase());

public sealed class PostgresTenantLockTests() : TenantLockContract(new PostgresTestDatabase());

public sealed class PostgresPlanHistoryTests() : PlanHistoryContract(new PostgresTestDatabase());

public sealed class PostgresFillsExportTests() : FillsExportContract(new PostgresTestDatabase());

public sealed class PostgresTokenStoreTests() : TokenStoreContract(new PostgresTestDatabase());

public sealed class PostgresIdempotencyStoreTests() : IdempotencyStoreContract(new PostgresTestDatabase());

public sealed class PostgresWebhookStoreTests() : WebhookStoreContract(new PostgresTestDatabase());
