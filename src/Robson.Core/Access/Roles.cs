namespace Robson.Core.Access;

/// <summary>The roles' stable text names (trader, risk, viewer, auditor, operator, agent): stored, audited and typed by people.</summary>
public static class Roles
{
    private static readonly (Role Role, string Name)[] Names =
    [
        (Role.Trader, "trader"), (Role.Risk, "risk"), (Role.Viewer, "viewer"),
        (Role.Auditor, "auditor"), (Role.Operator, "operator"), (Role.Agent, "agent"),
    ];

    /// <summary>Every role's name, in declaration order (for help text and refusals that list them).</summary>
    public static IReadOnlyList<string> All { get; } = Names.Select(n => n.Name).ToArray();

    public static string Name(Role role) =>
        Names.FirstOrDefault(n => n.Role == role).Name ?? throw new ArgumentOutOfRangeException(nameof(role), role, "not a role");

    /// <summary>Exact lower-case names only: a role is part of the contract, so "Trader" is not guessed into one.</summary>
    public static bool TryParse(string? text, out Role role)
    {
        foreach (var (r, name) in Names)
            if (string.Equals(text, name, StringComparison.Ordinal))
            {
                role = r;
                return true;
            }
        role = default;
        return false;
    }
}
