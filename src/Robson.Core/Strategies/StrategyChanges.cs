namespace Robson.Core.Strategies;

/// <summary>
/// The options given to <c>strategy create</c> or <c>strategy set</c>; only the settings present change anything.
/// </summary>
public sealed class StrategyChanges
{
    public static readonly StrategyChanges None = new([]);

    private StrategyChanges(IReadOnlyList<StrategyChange> changes) => Changes = changes;

    /// <summary>At most one change per setting (a second one is a bug, not input).</summary>
    public static StrategyChanges Of(params IEnumerable<StrategyChange> changes)
    {
        var list = changes.ToList();
        var repeated = list.GroupBy(c => c.Setting).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new ArgumentException($"setting {repeated.Key.Name} changed twice", nameof(changes));
        return new StrategyChanges(list);
    }

    public IReadOnlyList<StrategyChange> Changes { get; }

    public bool IsEmpty => Changes.Count == 0;

    public StrategySettings ApplyTo(StrategySettings settings) => Changes.Aggregate(settings, (current, change) => change.ApplyTo(current));
}
