using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Core.Reporting;

/// <summary>
/// An execution as recorded, with what it placed: the plan's legs, and for LIVE the orders and their fills.
/// DRY-RUN places nothing, so its figures are the simulation's estimates (<see cref="Simulated"/>).
/// </summary>
public sealed record ExecutionDetail(ExecutionResult Execution, string Order, IReadOnlyList<OrderRecord> Orders, IReadOnlyList<FillRecord> Fills)
{
    public bool Simulated => Execution.Mode == ExecutionMode.DryRun;

    /// <summary>Quantity × price of the fills (LIVE) or of the simulated fills (DRY-RUN).</summary>
    public decimal Notional => Simulated ? SimulatedSum("notional") : Fills.Sum(f => f.Price * f.Quantity);

    /// <summary>Fees valued in the quote asset: charged (LIVE) or estimated (DRY-RUN).</summary>
    public decimal Fees => Simulated ? SimulatedSum("fee") : Fills.Sum(f => f.FeeInQuote);

    private decimal SimulatedSum(string key) => Execution.Actions
        .Where(a => a.Type == ExecutionAction.Simulated)
        .Sum(a => a.Details.TryGetValue(key, out var text) && decimal.TryParse(text, System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0m);
}
