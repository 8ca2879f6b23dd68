using Robson.Core.Domain;

namespace Robson.Core.Status;

/// <summary>
/// The tenant's kill switch as a trader reads it: the state, why, since when, and who set it (the OS user and host of
/// the audit event that set it, or null when it was never changed). <see cref="Automatic"/>: Robson halted by itself
/// (max_loss_per_day reached on real venues). The kill switch is per tenant: it holds on every venue.
/// </summary>
public sealed record TradingStateView(TradingStatus Status, string? By, bool Automatic)
{
    public TradingState State => Status.State;
    public string Wire => Status.Wire;
}
