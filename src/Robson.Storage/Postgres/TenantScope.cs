namespace Robson.Storage.Postgres;

/// <summary>Values of the session setting <c>robson.tenant</c> that row-level security reads (a tenant is its id as text).</summary>
internal static class TenantScope
{
    /// <summary>The operator's view: every tenant's rows.</summary>
    public const string All = "all";

    /// <summary>Bound to nothing: no tenant's rows at all.</summary>
    public const string None = "";
}
