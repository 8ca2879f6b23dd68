using Robson.Cli.Commands.Report;
using Robson.Cli.Rendering;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Status;

namespace Robson.Cli.Commands.Status;

/// <summary>Status and positions as their --json documents (StatusJsonModels.cs).</summary>
internal static class StatusJsonMapper
{
    public static StatusJson ToJson(TenantStatus s) => new(
        s.ClientId.Value, Output.Time(s.Now), Amounts.Day(s.Day), Output.Time(s.Now + s.UntilReset), (long)s.UntilReset.TotalSeconds,
        TradingStateText.Json(s.Trading), s.Venues.Select(ToJson).ToList());

    public static PositionsJson ToJson(ClientId clientId, string? venue, IReadOnlyList<PositionStatus> positions) =>
        new(clientId.Value, venue, positions.Select(ToJson).ToList());

    private static VenueStatusJson ToJson(VenueStatus v) => new(
        v.Venue, v.Real, v.Limits.Scope.Name, [.. v.Limits.Venues], ReportRenderer.ToJson(v.Limits.Strategies), v.Positions.Select(ToJson).ToList(),
        v.OpenOrders.Select(OrderJson.From).ToList(), v.UnknownOrders.Select(OrderJson.From).ToList(), v.SettleCommand,
        v.PendingPlans.Select(p => new PendingPlanJson(p.Plan.Id, p.Plan.Kind.Wire(), p.Plan.Legs.Select(l => l.Describe()).ToList(),
            p.Validation.Status.Wire(), Output.Time(p.Validation.ValidatedAt), Output.Time(p.ExpiresAt), (long)p.TtlLeft.TotalSeconds,
            StatusRenderer.ExecuteCommand(p))).ToList());

    private static PositionJson ToJson(PositionStatus p) => new(
        p.Venue, p.Symbol.Value, p.Quantity, p.AverageCost, p.CostBasis, p.Mid, p.MarketValue, p.UnrealisedPnl, p.MidUnavailable,
        p.Protections.Select(OrderJson.From).ToList());
}
