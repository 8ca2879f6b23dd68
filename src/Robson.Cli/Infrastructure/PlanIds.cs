using Robson.Core.Domain;
using Robson.Core.Ports;

namespace Robson.Cli;

/// <summary>
/// A plan id as typed: the whole id, or like git a unique prefix of at least <see cref="MinimumPrefix"/> characters.
/// An ambiguous prefix is refused with the candidates, never guessed: executing the wrong plan is the accident to avoid.
/// </summary>
public static class PlanIds
{
    public const int MinimumPrefix = 6;

    public static string Resolve(IPlanStore store, ClientId tenant, string? text)
    {
        var id = Inputs.PlanId(text);
        if (store.FindPlan(tenant, id) is not null) return id;
        if (id.Length < MinimumPrefix)
            throw new UsageException($"plan '{id}' not found for client {tenant} (a prefix needs at least {MinimumPrefix} characters)", ErrorCodes.NotFound);
        var matches = store.PlanIdsStartingWith(tenant, id, 5);
        return matches.Count switch
        {
            0 => throw new UsageException($"plan '{id}' not found for client {tenant}", ErrorCodes.NotFound),
            1 => matches[0],
            _ => throw new UsageException(
                $"plan id prefix '{id}' matches {(matches.Count == 5 ? "5 or more" : matches.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} plans of client {tenant} " +
                $"({string.Join(", ", matches)}): give more characters", ErrorCodes.AmbiguousId),
        };
    }
}
