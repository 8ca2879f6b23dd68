using Robson.Core.Access;

namespace Robson.Server.Api;

/// <summary>What a route lets its caller do; a role is the set of capabilities it grants (separation of duties).</summary>
public enum Capability
{
    /// <summary>The tenant's own state: plans, executions, orders, positions, report, strategies, venues, market data.</summary>
    Read,

    /// <summary>The audit trail: events, verification, export.</summary>
    ReadAudit,

    /// <summary>Plans (cancels included), validation, DRY-RUN: nothing reaches a venue.</summary>
    Trade,

    /// <summary>Sending real orders: execute with mode live, protect, and reconcile (which places a filled entry's missing protective order).</summary>
    TradeLive,

    /// <summary>Adding paper funds (an agent must not fund the checks it is judged by).</summary>
    Fund,

    /// <summary>Strategy limits and policy, and the kill switch (halt, reduce-only, resume).</summary>
    ManageRisk,
}

/// <summary>The role table of README "Roles". A trader cannot change a limit; a risk officer cannot trade.</summary>
public static class RolePolicy
{
    public static bool Allows(Role role, Capability capability) => capability switch
    {
        Capability.Read => true,
        Capability.ReadAudit => role is Role.Risk or Role.Auditor or Role.Operator,
        Capability.Trade => role is Role.Trader or Role.Agent,
        Capability.TradeLive or Capability.Fund => role is Role.Trader,
        Capability.ManageRisk => role is Role.Risk,
        _ => false,
    };

    /// <summary>The rule a 403 states: what the role may not do, and which role may.</summary>
    public static string Refusal(Role role, Capability capability)
    {
        var name = Roles.Name(role);
        return capability switch
        {
            Capability.ReadAudit => $"role '{name}' may not read the audit trail: that is for the auditor, risk and operator roles",
            Capability.Trade => $"role '{name}' may not create, validate or execute plans: that is the trader's (separation of duties)",
            Capability.TradeLive when role is Role.Agent =>
                "role 'agent' may not send real orders (LIVE execution, protect, reconcile): an agent plans, validates and runs DRY-RUN; a person sends real orders",
            Capability.TradeLive => $"role '{name}' may not send real orders (LIVE execution, protect, reconcile): only the trader role does (separation of duties)",
            Capability.Fund => $"role '{name}' may not add paper funds: that is the trader's",
            Capability.ManageRisk => $"role '{name}' may not change strategies, limits or the trading state: that is the risk role's (separation of duties)",
            _ => $"role '{name}' may not do this",
        };
    }
}
