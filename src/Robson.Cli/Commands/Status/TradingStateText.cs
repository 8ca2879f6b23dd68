using Robson.Cli.Rendering;
using State = Robson.Core.Domain.TradingState;
using Robson.Core.Status;

namespace Robson.Cli.Commands.Status;

/// <summary>The kill switch in one line and in JSON, the same in `status` and `report`.</summary>
internal static class TradingStateText
{
    public static string Line(TradingStateView t, Style style)
    {
        var state = t.State switch
        {
            State.Active => style.Ok(t.Wire),
            State.Reducing => style.Warn(t.Wire + " (only orders that reduce a position may go LIVE)"),
            _ => style.Bad(t.Wire + " (no LIVE order until `robson resume`)"),
        };
        if (t.Status.ChangedAt is not { } since) return state;
        return state + $" since {Output.HumanTime(since)}" + (t.By is { } by ? $" by {by}" : "") + (t.Automatic ? " (automatic)" : "") +
               (t.State == State.Active ? "" : $": {t.Status.Reason}");
    }

    public static TradingStateJson Json(TradingStateView t) => new(t.Wire, t.State == State.Active ? null : t.Status.Reason,
        t.Status.ChangedAt is { } since ? Output.Time(since) : null, t.By, t.Automatic);
}
