namespace Robson.Core.Ports;

/// <summary>Everything Robson persists, behind one connection (SQLite by default).</summary>
public interface IRobsonStore : IStrategyStore, IPlanStore, IPlanHistoryStore, IValidationStore, IExecutionStore, IOrderStore, IAuditLog, IPaperLedger,
    ITradingStateStore, IVenueRegistry, IVenueLimitStore, ITokenStore, IIdempotencyStore, IWebhookStore, IUnitOfWork, IDisposable;
