using Robson.Core.Domain;

namespace Robson.Core.Guards;

/// <summary>LIVE needs both --live and --acknowledge-risk; DRY-RUN needs neither.</summary>
public sealed class AcknowledgementGuard : IExecutionGuard
{
    public string Name => "Acknowledgement";

    public GuardResult Evaluate(GuardContext context) => context.Mode switch
    {
        ExecutionMode.DryRun => GuardResult.Pass(Name, "Acknowledgement not required for DRY-RUN"),
        _ when context.RiskAcknowledged => GuardResult.Pass(Name, "Risk acknowledged for LIVE execution"),
        _ => GuardResult.Fail(Name, GuardCodes.AcknowledgementRequired, "LIVE execution requires explicit risk acknowledgement", ("requirement", "add --acknowledge-risk")),
    };
}
