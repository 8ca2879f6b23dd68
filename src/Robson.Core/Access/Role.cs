namespace Robson.Core.Access;

/// <summary>
/// What an API token may do (DESIGN 5c). A token carries one tenant and one role; the local CLI has no role of its own:
/// its OS user acts with every role of the tenants in its ROBSON_HOME. Text names: <see cref="Roles.Name"/>.
/// </summary>
public enum Role
{
    /// <summary>Plans, validation, execution, cancels.</summary>
    Trader,

    /// <summary>Limits, policy, kill switch; no trading.</summary>
    Risk,

    /// <summary>Reads the tenant's state.</summary>
    Viewer,

    /// <summary>Reads and verifies the tenant's audit trail.</summary>
    Auditor,

    /// <summary>Every tenant, read only.</summary>
    Operator,

    /// <summary>Plans, validation, DRY-RUN and approval requests; LIVE only through a person's approval of that exact plan hash.</summary>
    Agent,
}
