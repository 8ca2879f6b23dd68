using Robson.Cli.Rendering;
using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Cli.Commands.Plan;

/// <summary>
/// <c>plans list|show</c>: each plan with where it stands. The next steps are the ones still possible, so a plan run
/// LIVE is never offered LIVE again, nor described as never sent.
/// </summary>
public static class PlanStatusRenderer
{
    public static void Write(CliIO io, PlanStatus status, bool json)
    {
        if (json) Output.Json(io, ToJson(status), c => c.PlanJson);
        else io.Out.Write(Human(status));
    }

    public static void WriteList(CliIO io, ClientId clientId, IReadOnlyList<PlanStatus> plans, bool json)
    {
        if (json)
        {
            Output.Json(io, new PlanListJson(clientId.Value, plans.Select(ToJson).ToList()), c => c.PlanListJson);
            return;
        }
        if (plans.Count == 0)
        {
            io.Out.WriteLine($"No plans for client {clientId}.");
            return;
        }
        io.Out.WriteLine($"{"PLAN ID",-14} {"CREATED (UTC)",-20} {"STRATEGY",-9} {"VENUE",-8} {"STAGE",-17} {"VALIDATION",-10} {"LAST EXECUTION",-16} ORDER");
        foreach (var s in plans)
        {
            var p = s.Plan;
            var last = s.Executions.Count > 0 ? $"{s.Executions[^1].Mode.Wire()} {s.Executions[^1].Status.Wire()}" : "-";
            io.Out.WriteLine($"{p.Id,-14} {p.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {p.StrategyId?.ToString() ?? "-",-9} {p.Venue,-8} " +
                             $"{s.Stage.Wire(),-17} {s.Validation?.Stamp.Status.Wire() ?? "-",-10} {last,-16} {string.Join("; ", p.Legs.Select(l => l.Describe()))}");
        }
    }

    public static PlanJson ToJson(PlanStatus s) => PlanRenderer.ToJson(s.Plan) with
    {
        NextSteps = s.Possible.Select(a => a.Command).ToList(),
        Status = new PlanStatusJson(s.Stage.Wire(),
            s.Validation is { } v
                ? new PlanValidationJson(v.Stamp.ValidationId, v.Stamp.Status.Wire(), Output.Time(v.Stamp.ValidatedAt), Output.Time(v.ExpiresAt),
                    v.WithinTtl, v.SameHash, v.SameStrategyVersion, v.AuthorisesLive, v.Lapse)
                : null,
            s.Executions.Select(e => new PlanExecutionJson(e.ExecutionId, e.Mode.Wire(), e.Status.Wire(), Output.Time(e.ExecutedAt))).ToList(),
            s.SentLive, s.Possible.Select(a => new PlanActionJson(a.Name, a.Command)).ToList(), [.. s.Notes]),
    };

    private static string Human(PlanStatus s)
    {
        var text = new System.Text.StringBuilder(PlanRenderer.Describe(s.Plan, []));
        text.AppendLine($"  stage: {s.Stage.Wire()}");
        text.AppendLine(s.Validation is { } v
            ? $"  validation: {v.Stamp.Status.Wire()} at {Output.HumanTime(v.Stamp.ValidatedAt)} ({v.Stamp.ValidationId}); " +
              (v.AuthorisesLive ? $"authorises LIVE until {Output.HumanTime(v.ExpiresAt)}" : $"does not authorise LIVE: {v.Lapse}")
            : "  validation: none");
        if (s.Executions.Count == 0)
            text.AppendLine("  executions: none");
        else
        {
            text.AppendLine("  executions:");
            foreach (var e in s.Executions)
                text.AppendLine($"    {Output.HumanTime(e.ExecutedAt)}  {e.Mode.Wire(),-7} {e.Status.Wire(),-11} {e.ExecutionId}");
        }
        foreach (var note in s.Notes)
            text.AppendLine($"  note: {note}");
        // Only an order recorded LIVE can have reached a venue; DRY-RUN and blocked LIVE attempts send nothing.
        text.AppendLine(s.SentLive ? "LIVE orders of this plan were sent to the venue."
            : s.Stage == PlanStage.ExecutedLive ? "Executed LIVE."
            : "No LIVE order of this plan was sent anywhere.");
        if (s.Possible.Count == 0)
        {
            text.AppendLine("Nothing more to do with this plan.");
            return text.ToString();
        }
        text.AppendLine("Still possible:");
        for (var i = 0; i < s.Possible.Count; i++)
            text.AppendLine($"  {i + 1}. {s.Possible[i].Name + ":",-36} {s.Possible[i].Command}");
        return text.ToString();
    }
}
