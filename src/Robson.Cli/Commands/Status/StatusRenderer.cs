using System.Text;
using Robson.Cli.Commands.Report;
using Robson.Cli.Rendering;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Status;

namespace Robson.Cli.Commands.Status;

/// <summary>
/// The status for people: the kill switch and the limits' reset first (they decide whether anything can go LIVE), then
/// per venue its limits, positions, open orders, orders of unknown outcome (with the command that settles them) and
/// validated plans still waiting for LIVE.
/// </summary>
internal static class StatusRenderer
{
    public static string Human(TenantStatus s, Style style)
    {
        var text = new StringBuilder();
        text.AppendLine(style.Bold($"STATUS: client {s.ClientId}, {Output.HumanTime(s.Now)}"));
        text.AppendLine($"TRADING: {TradingStateText.Line(s.Trading, style)}");
        text.AppendLine($"DAILY LIMITS count {Amounts.Day(s.Day)} (UTC) and reset in {Duration(s.UntilReset)}, at {Output.HumanTime(s.Now + s.UntilReset)}");
        foreach (var venue in s.Venues)
        {
            text.AppendLine();
            text.AppendLine(style.Bold($"VENUE {venue.Venue} ({(venue.Real ? "real" : "simulated")})"));
            Limits(text, venue, style);
            Positions(text, venue.Positions, style, "  ");
            Orders(text, "OPEN ORDERS", venue.OpenOrders);
            Orders(text, "UNKNOWN OUTCOME", venue.UnknownOrders);
            if (venue.SettleCommand is { } settle) text.AppendLine(style.Warn($"    settle them with `{settle}`"));
            Pending(text, venue.PendingPlans);
        }
        return text.ToString();
    }

    /// <summary>The positions alone, as `robson positions` prints them.</summary>
    public static string HumanPositions(ClientId clientId, string? venue, IReadOnlyList<PositionStatus> positions, Style style)
    {
        var text = new StringBuilder();
        text.AppendLine(style.Bold($"POSITIONS: client {clientId}" + (venue is null ? "" : $", venue {venue}")));
        Positions(text, positions, style, "");
        return text.ToString();
    }

    public static string ExecuteCommand(PendingPlan p) => $"robson execute {p.Plan.Id} --client-id {p.Plan.ClientId} --live --acknowledge-risk";

    /// <summary>"5h 07m" or "14m 30s": enough to plan the next order by.</summary>
    public static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours}h {span.Minutes:00}m"
        : $"{span.Minutes}m {span.Seconds:00}s";

    private static void Limits(StringBuilder text, VenueStatus venue, Style style)
    {
        var counted = venue.Limits.Scope.Real == true ? $"real venues together ({string.Join(", ", venue.Limits.Venues)})" : "the paper venue only";
        if (venue.Limits.Strategies.Count == 0) text.AppendLine($"  LIMITS: no strategies, so no limits ({counted})");
        foreach (var strategy in venue.Limits.Strategies)
        {
            text.AppendLine($"  LIMITS of strategy {strategy.Strategy.Id} '{strategy.Strategy.Name}' today, counting {counted}:");
            foreach (var limit in strategy.Limits)
            {
                var usage = $"{Amounts.Format(limit.Used)}/{Amounts.Format(limit.Max)}";
                var left = limit.Max is { } max ? $"  {Amounts.Format(Math.Max(0m, max - limit.Used))} left" : "";
                text.AppendLine($"    {limit.Limit,-9} {usage,-24} {ReportRenderer.Bar(limit, style)}{left}");
            }
        }
    }

    private static void Positions(StringBuilder text, IReadOnlyList<PositionStatus> positions, Style style, string indent)
    {
        if (positions.Count == 0)
        {
            text.AppendLine($"{indent}POSITIONS: none");
            return;
        }
        text.AppendLine($"{indent}POSITIONS (average cost, buy fees included; unrealised P&L at the mid, before the fee of selling):");
        var table = new StringBuilder();
        ReportRenderer.Table(table, ["VENUE", "SYMBOL", "QUANTITY", "AVG COST", "MID", "UNREALISED P&L", "PROTECTED BY"], positions.Select(p => new[]
        {
            p.Venue, p.Symbol.Value, Amounts.Format(p.Quantity), Amounts.Format(Math.Round(p.AverageCost, 8)), Amounts.Format(p.Mid),
            p.UnrealisedPnl is { } pnl ? Amounts.Format(Math.Round(pnl, 8)) : "-",
            p.Protections.Count == 0 ? "nothing" : string.Join(", ", p.Protections.Select(Protection)),
        }));
        foreach (var line in table.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            text.AppendLine(indent + line.TrimEnd('\r'));
        foreach (var p in positions.Where(p => p.MidUnavailable is not null))
            text.AppendLine(style.Dim($"{indent}  {p.Venue} {p.Symbol}: no mid ({p.MidUnavailable})"));
    }

    private static string Protection(OrderRecord o) =>
        $"{o.Role.Wire} {o.ClientOrderId}" + (o.StopPrice is { } stop ? $" stop {Amounts.Format(stop)}" : "") +
        (o.TakeProfitPrice is { } tp ? $" take-profit {Amounts.Format(tp)}" : "");

    private static void Orders(StringBuilder text, string title, IReadOnlyList<OrderRecord> orders)
    {
        if (orders.Count == 0)
        {
            text.AppendLine($"  {title}: none");
            return;
        }
        text.AppendLine($"  {title}:");
        foreach (var o in orders)
            text.AppendLine($"    {o.ClientOrderId}  {o.Status.Wire}  {o.Role.Wire} {o.Side.Wire()} {Amounts.Format(o.Quantity)} {o.Symbol} {o.Type.Wire()}" +
                            (o.Price is { } price ? $" @ {Amounts.Format(price)}" : "") +
                            (o.ExecutedQuantity > 0 ? $", executed {Amounts.Format(o.ExecutedQuantity)}" : "") + $", plan {o.PlanId}");
    }

    private static void Pending(StringBuilder text, IReadOnlyList<PendingPlan> plans)
    {
        if (plans.Count == 0)
        {
            text.AppendLine("  VALIDATED, NOT YET RUN LIVE: none");
            return;
        }
        text.AppendLine("  VALIDATED, NOT YET RUN LIVE:");
        foreach (var p in plans)
            text.AppendLine($"    {p.Plan.Id}  {p.Validation.Status.Wire()}  {string.Join("; ", p.Plan.Legs.Select(l => l.Describe()))}  " +
                            $"TTL left {Duration(p.TtlLeft)} (until {Output.HumanTime(p.ExpiresAt)}): `{ExecuteCommand(p)}`");
    }
}
