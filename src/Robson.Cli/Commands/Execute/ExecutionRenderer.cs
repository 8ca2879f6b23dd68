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
        r.ExecutionId, r.PlanHash, r.Status.Wire(), r.Mode.Wire(),
        r.Guards.Select(g => new GuardJson(g.Name, g.Passed, g.Message, g.Details)).ToList(),
        r.Actions.Select(a => new ActionJson(a.Type, a.Description, a.Details, a.Result)).ToList(),
        new ExecutionMetadataJson(r.PlanId, r.ClientId.Value, r.Mode.Wire(), r.PlanHash, r.Venue, r.ExecutionId),
        Output.Time(r.ExecutedAt), r.Error,
        new ExecutionSummaryJson(r.Guards.Count, r.PassedGuards, r.FailedGuards, r.Actions.Count), [.. r.Notices]);

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
            _ => "STATUS: " + style.Bad("✗ FAILED") + $"\n{r.Error}",
        });
        text.AppendLine();
        text.AppendLine("Context:");
        text.AppendLine($"  plan_id: {r.PlanId}").AppendLine($"  client_id: {r.ClientId}").AppendLine($"  mode: {r.Mode.Wire()}");
        text.AppendLine($"  venue: {r.Venue}").AppendLine($"  plan_hash: {r.PlanHash}").AppendLine($"  execution_id: {r.ExecutionId}");
        text.AppendLine();

        text.AppendLine("SAFETY CHECKS:");
        foreach (var g in r.Guards)
            text.AppendLine($"  {(g.Passed ? style.Ok("✓") : style.Bad("✗"))} {g.Name}: {g.Message}");
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
            text.AppendLine(style.Bad("NOTICE: " + notice)).AppendLine();

        text.AppendLine("Summary:");
        text.AppendLine($"  Executed at: {Output.HumanTime(r.ExecutedAt)}");
        text.AppendLine($"  Safety checks: {r.Guards.Count} ({r.PassedGuards} passed)");
        text.AppendLine($"  Actions: {r.Actions.Count}");
        text.AppendLine().AppendLine(Output.Rule);
        return text.ToString();
    }

    /// <summary>Never claims orders that were not placed.</summary>
    private static string LiveClaim(ExecutionResult r, Style style)
    {
        var sent = r.Actions.Count(a => a.Type == ExecutionAction.Real && a.Details.GetValueOrDefault("status") is not ("REJECTED" or "UNKNOWN"));
        if (r.Status == ExecutionStatus.Blocked || r.Actions.Count == 0)
            return style.Ok("✓ No orders were sent (execution blocked before any order left)");
        var what = r.Venue == "paper" ? "paper venue (simulated exchange, paper balances changed)" : $"venue '{r.Venue}'";
        return sent == r.Actions.Count
            ? style.Warn($"✓ {sent} order(s) placed on {what}")
            : style.Bad($"⚠️  {sent} of {r.Actions.Count} order(s) placed on {what}; see actions");
    }
}
