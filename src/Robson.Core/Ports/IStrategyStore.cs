using Robson.Core.Domain;
using Robson.Core.Strategies;

namespace Robson.Core.Ports;

/// <summary>Strategies, always scoped by tenant.</summary>
public interface IStrategyStore
{
    Strategy? FindStrategy(ClientId clientId, long strategyId);
    bool StrategyNameTaken(ClientId clientId, string name);
    IReadOnlyList<Strategy> ListStrategies(ClientId clientId);
    Strategy InsertStrategy(ClientId clientId, string name, StrategySettings settings, DateTimeOffset now);

    /// <summary>Stores new settings as the next version.</summary>
    Strategy UpdateStrategy(Strategy current, StrategySettings settings, DateTimeOffset now);
}
