using System.CommandLine;
using Robson.Cli.Rendering;
using Robson.Core.Audit;

namespace Robson.Cli.Commands.Audit;

/// <summary><c>robson audit list --client-id N | --all-tenants [--since TIME] [--plan PLAN_ID] [--limit N] [--json]</c></summary>
internal static class AuditListCommand
{
    public const int DefaultLimit = 100;

    public static Command Build(CliContext context)
    {
        var clientId = AuditScope.ClientIdOption("This tenant's events (or --all-tenants).");
        var allTenants = AuditScope.AllTenantsOption("Every tenant's events and those without a tenant: an operator view, itself audited (AUDIT_ALL_TENANTS_READ).");
        var since = new Option<string>("--since") { Description = "Only events at or after this UTC date or time (2026-11-25, 2026-11-25T14:30:00Z)." };
        var plan = new Option<string>("--plan") { Description = "Only events of this plan." };
        var limit = new Option<string>("--limit") { Description = $"At most N events, the most recent (default {DefaultLimit})." };
        var json = CommonOptions.Json();
        var command = new Command("list", "List audit events, newest first.") { clientId, allTenants, since, plan, limit, json };
        command.SetAction(result =>
        {
            var scope = AuditScope.From(result, "list", clientId, allTenants);
            var tenant = scope.ClientId;
            var from = AuditInputs.OptionalTime(result, since);
            var planId = result.GetValue(plan) is { } p ? Inputs.PlanId(p) : null;
            var count = Inputs.OptionalPositiveInt(result, limit) ?? DefaultLimit;
            var env = scope.Open(context, "list");
            var events = env.Store.QueryAudit(new AuditQuery(tenant, from, planId, count == int.MaxValue ? count : count + 1));
            var truncated = events.Count > count;
            var shown = events.Take(count).ToList();
            if (result.GetValue(json))
                Output.Json(context.IO, new AuditListJson(tenant?.Value, from is null ? null : Output.Time(from.Value), planId, shown.Count, truncated,
                    shown.Select(AuditRenderer.ToJson).ToList()), ReportingJsonContext.Default.AuditListJson);
            else
                context.IO.Out.Write(AuditRenderer.List(shown, truncated, tenant is null ? "" : $" for client {tenant}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
