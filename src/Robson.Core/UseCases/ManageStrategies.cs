using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Strategies;
using Robson.Core.Validation;

namespace Robson.Core.UseCases;

/// <summary>Creates and changes strategies. Each change is a new version and is audited.</summary>
public sealed class ManageStrategies(RobsonEnvironment env)
{
    public Outcome<Strategy> Create(ClientId clientId, string name, StrategyChanges changes)
    {
        name = name.Trim();
        if (name.Length is 0 or > 64)
            return Outcome<Strategy>.Refuse("strategy name must be 1-64 characters");
        var now = env.Time.GetUtcNow();
        using var tx = env.Store.BeginExclusive(clientId);
        if (env.Store.StrategyNameTaken(clientId, name))
            return Outcome<Strategy>.Refuse($"strategy '{name}' already exists for client {clientId}");
        var settings = changes.ApplyTo(new StrategySettings());
        if (NeverPasses(settings) is { } reason)
            return Outcome<Strategy>.Refuse($"strategy '{name}' {reason}");
        var strategy = env.Store.InsertStrategy(clientId, name, settings, now);
        Audit(AuditKinds.StrategyCreated, strategy, now);
        tx.Commit();
        return strategy;
    }

    public Outcome<Strategy> Update(ClientId clientId, long strategyId, StrategyChanges changes)
    {
        if (changes.IsEmpty)
            return Outcome<Strategy>.Refuse("nothing to change: give at least one option (see `robson strategy set --help`)");
        var now = env.Time.GetUtcNow();
        using var tx = env.Store.BeginExclusive(clientId);
        var current = env.Store.FindStrategy(clientId, strategyId);
        if (current is null)
            return Outcome<Strategy>.Refuse($"strategy {strategyId} not found for client {clientId}");
        var settings = changes.ApplyTo(current.Settings);
        if (NeverPasses(settings) is { } reason)
            return Outcome<Strategy>.Refuse($"strategy {strategyId} after this change {reason}");
        var updated = env.Store.UpdateStrategy(current, settings, now);
        Audit(AuditKinds.StrategyChanged, updated, now);
        tx.Commit();
        return updated;
    }

    /// <summary>
    /// Why every plan of a strategy with these settings would fail validation, naming each setting to give or fix, on one
    /// line; null when a plan can pass. The validator's own rules decide, so this refusal and validation cannot disagree.
    /// </summary>
    private static string? NeverPasses(StrategySettings settings)
    {
        var failures = RiskConfigurationValidator.NeverPassing(settings);
        if (failures.Count == 0) return null;
        var named = failures.Select(f => f.Failure.Details.TryGetValue("value", out var value)
            ? $"{f.Setting.Option} {value} ({f.Failure.Code}: {f.Failure.Message})"
            : $"{f.Setting.Option} is missing ({f.Failure.Code})");
        return "would fail every validation: " + string.Join("; ", named);
    }

    private void Audit(string kind, Strategy strategy, DateTimeOffset now)
    {
        (string, object?)[] identity = [("strategy_id", strategy.Id), ("name", strategy.Name), ("version", strategy.Version)];
        var settings = StrategySettingDeclarations.All.Select(setting => (setting.Name, AuditValue(setting.Read(strategy.Settings))));
        env.Store.Append(new AuditEntry(strategy.ClientId, kind, "OK", null, null, Details.Of([.. identity, .. settings]), env.Actor, now));
    }

    /// <summary>Every setting, as the audit has always written them: unset is empty, lists are comma-separated wire tokens.</summary>
    private static object? AuditValue(SettingValue value) => value switch
    {
        SettingValue.Number n => n.Value,
        SettingValue.WholeNumber w => w.Value,
        SettingValue.Flag f => f.Value,
        SettingValue.Words w => string.Join(",", w.Wire),
        _ => null,
    };
}
