using Robson.Cli.Rendering;
using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Cli.Commands.Execute;

/// <summary>The execution report (sections of the original contract) and its JSON.</summary>
public static class ExecutionRenderer
{
    public static void Write(CliIO io, ExecutionResult result, bool json)
    {
        if (json) Output.Json(io, ToJson(result), c => c.ExecutionJson);
        else io.Out.Write(Human(result, new Style(io.UseColour)));
    }

    public static ExecutionJson ToJson(ExecutionResult r) => new(
        r.ExecutionId, r.PlanHash, r.Status.Wire(), r.Mode.Wire(), r.LiveReady,
        r.Guards.Select(g => new GuardJson(g.Name, g.Passed, g.Message, g.Details, g.BlocksLive, g.Code)).ToList(),
        r.Actions.Select(a => new ActionJson(a.Type, a.Description, a.Details, a.Result)).ToList(),
        new ExecutionMetadataJson(r.PlanId, r.ClientId.Value, r.Mode.Wire(), r.PlanHash, r.Venue, r.ExecutionId),
        Output.Time(r.ExecutedAt), r.Error,
        new ExecutionSummaryJson(r.Guards.Count, r.PassedGuards, r.FailedGuards, r.Actions.Count), [.. r.Notices.Select(ExecutionNotices.Sentence)]);

    public static string Human(ExecutionResult r, Style style)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(Output.Rule).AppendLine("EXECUTION REPORT").AppendLine(Output.Rule).AppendLine();
        if (r.Mode == ExecutionMode.DryRun)
            text.AppendLine("MODE: DRY-RUN (Simulation)").AppendLine(style.Warn("⚠️  No real orders were placed"));
        else
            text.AppendLine($"MODE: LIVE (venue: {r.Venue})").AppendLine(LiveClaim(r, style));
        text.AppendLine();

        text.AppendLine(r.Status switch
        {
            ExecutionStatus.Success => "STATUS: " + style.Ok("✓ SUCCESS"),
            ExecutionStatus.Blocked => "STATUS: " + style.Bad("✗ BLOCKED") + "\nExecution prevented by safety checks",
            ExecutionStatus.NotFilled => "STATUS: " + style.Bad("✗ NOT_FILLED") + $"\n{r.Error}",
            ExecutionStatus.Unprotected => "STATUS: " + style.Bad("✗ UNPROTECTED") + $"\n{r.Error}",
            _ => "STATUS: " + style.Bad("✗ FAILED") + $"\n{r.Error}",
        });
        text.AppendLine();
        text.AppendLine("Context:");
        text.AppendLine($"  plan_id: {r.PlanId}").AppendLine($"  client_id: {r.ClientId}").AppendLine($"  mode: {r.Mode.Wire()}");
        text.AppendLine($"  venue: {r.Venue}").AppendLine($"  plan_hash: {r.PlanHash}").AppendLine($"  execution_id: {r.ExecutionId}");
        text.AppendLine();

        text.AppendLine("SAFETY CHECKS:");
        // A DRY-RUN pass that would block LIVE is not painted green.
        foreach (var g in r.Guards)
            text.AppendLine($"  {(!g.Passed ? style.Bad("✗") : g.BlocksLive ? style.Warn("✓") : style.Ok("✓"))} {g.Name}: {g.Message}");
        text.AppendLine();

        if (r.Actions.Count > 0)
        {
            text.AppendLine($"ACTIONS TAKEN ({r.Actions.Count}):");
            for (var i = 0; i < r.Actions.Count; i++)
            {
                var a = r.Actions[i];
                text.AppendLine($"  {i + 1}. [{a.Type}] {a.Description}");
                text.AppendLine($"     Result: {a.Result}");
                var details = Output.DetailsLine(a.Details);
                if (details.Length > 0) text.AppendLine(style.Dim($"     {details}"));
            }
            text.AppendLine();
        }

        foreach (var notice in r.Notices)
            text.AppendLine(style.Bad("NOTICE: " + ExecutionNotices.Sentence(notice))).AppendLine();

        text.AppendLine("Summary:");
        text.AppendLine($"  Executed at: {Output.HumanTime(r.ExecutedAt)}");
        text.AppendLine($"  Safety checks: {r.Guards.Count} ({r.PassedGuards} passed" +
                        (r.Mode == ExecutionMode.DryRun && r.BlockingLive.Count > 0 ? $", {r.BlockingLive.Count} would block LIVE)" : ")"));
        text.AppendLine($"  Actions: {r.Actions.Count}");
        text.AppendLine().AppendLine(Output.Rule);
        if (LiveVerdict(r, style) is { } verdict)
            text.AppendLine(verdict);
        return text.ToString();
    }

    /// <summary>
    /// The last line of a DRY-RUN report: which guards would block LIVE, or that none would. A DRY-RUN that
    /// succeeded is still exit 0 (the simulation worked); this line, and "live_ready" in JSON, say what LIVE would meet.
    /// </summary>
    public static string? LiveVerdict(ExecutionResult r, Style style) => r.Mode != ExecutionMode.DryRun ? null
        : r.BlockingLive.Count > 0 ? style.Bad("LIVE WOULD BE BLOCKED BY: " + string.Join(", ", r.BlockingLive))
        : r.LiveReady ? style.Ok("LIVE READY: no guard would block LIVE now (run with --live --acknowledge-risk)")
        : r.AccountUnchecked ? style.Warn("LIVE NOT CONFIRMED: no guard would block LIVE, but the account was not read (a DRY-RUN loads no credentials); LIVE reads it and checks funds, position size and drawdown")
        : null;

    /// <summary>Never claims orders that were not placed.</summary>
    private static string LiveClaim(ExecutionResult r, Style style)
    {
        // Placed means the venue said so: rejected, unknown and not-sent orders are not claimed.
        var sent = r.Actions.Count(a => a.Type == ExecutionAction.Real && a.Details.GetValueOrDefault("status") is { } status
            && OrderStatus.All.Any(s => s.Wire == status && s.IsVenueConfirmed));
        if (r.Status == ExecutionStatus.Blocked || r.Actions.Count == 0)
            return style.Ok("✓ No orders were sent (execution blocked before any order left)");
        var what = r.Venue == "paper" ? "paper venue (simulated exchange, paper balances changed)" : $"venue '{r.Venue}'";
        return sent == r.Actions.Count
            ? style.Warn($"✓ {sent} order(s) placed on {what}")
            : style.Bad($"⚠️  {sent} of {r.Actions.Count} order(s) placed on {what}; see actions");
    }
}
