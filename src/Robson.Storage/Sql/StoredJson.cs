using System.Text.Json.Serialization;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Guards;
using Robson.Core.Plans;
using Robson.Core.Validation;

namespace Robson.Storage.Sql;

internal sealed record StoredLeg(string Symbol, string Side, string Type, string Quantity, string? LimitPrice, string? StopLoss, string? CancelsOrder = null,
    string? TakeProfit = null, string? TimeInForce = null, string? QuoteQuantity = null);

internal sealed record StoredAllocation(string Asset, string CurrentQuantity, string Price, string CurrentPercent, string TargetPercent, string TargetQuantity);

internal sealed record StoredFill(string Price, string Quantity, string Commission, string CommissionAsset, string? TradeId);

internal sealed record StoredVenueResult(string Status, string? VenueOrderId, List<StoredFill> Fills, string? Reason);

internal sealed record StoredIssue(string Code, string Severity, string Message, SortedDictionary<string, string> Details);

/// <summary>A guard result; <c>blocks_live</c> and <c>code</c> are absent from rows written before they existed (then: not passed, none).</summary>
internal sealed record StoredGuard(string Name, bool Passed, string Message, SortedDictionary<string, string> Details, bool? BlocksLive = null, string? Code = null);

internal sealed record StoredAction(string Type, string Description, SortedDictionary<string, string> Details, string Result);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<StoredLeg>))]
[JsonSerializable(typeof(StoredVenueResult))]
[JsonSerializable(typeof(List<StoredAllocation>))]
[JsonSerializable(typeof(List<StoredIssue>))]
[JsonSerializable(typeof(List<StoredGuard>))]
[JsonSerializable(typeof(List<StoredAction>))]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;

/// <summary>Maps domain values to the JSON kept in TEXT columns and back.</summary>
internal static class StoredJson
{
    private static string? Dec(decimal? value) => value is { } v ? Decimals.Canonical(v) : null;
    private static decimal? ParseDec(string? text) => text is null ? null : Decimals.ParseStored(text);
    private static SortedDictionary<string, string> Copy(IReadOnlyDictionary<string, string> d) => new(d.ToDictionary(), StringComparer.Ordinal);

    public static string Legs(IEnumerable<PlanLeg> legs) => System.Text.Json.JsonSerializer.Serialize(
        legs.Select(l => new StoredLeg(l.Symbol.Value, l.Side.Wire(), l.Type.Wire(), Decimals.Canonical(l.Quantity), Dec(l.LimitPrice), Dec(l.StopLoss), l.CancelsOrder,
            Dec(l.TakeProfit), l.TimeInForce?.Wire(), Dec(l.QuoteQuantity))).ToList(),
        StoredJsonContext.Default.ListStoredLeg);

    public static List<PlanLeg> ParseLegs(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, StoredJsonContext.Default.ListStoredLeg)!
            .Select(l => new PlanLeg(Symbol.From(l.Symbol), EnumText.ParseSide(l.Side), EnumText.ParseOrderType(l.Type),
                Decimals.ParseStored(l.Quantity), ParseDec(l.LimitPrice), ParseDec(l.StopLoss))
                { CancelsOrder = l.CancelsOrder, TakeProfit = ParseDec(l.TakeProfit), TimeInForce = EnumText.ParseTimeInForce(l.TimeInForce), QuoteQuantity = ParseDec(l.QuoteQuantity) }).ToList();

    public static string? Allocation(IReadOnlyList<AllocationRow> rows) => rows.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(
        rows.Select(r => new StoredAllocation(r.Asset, Decimals.Canonical(r.CurrentQuantity), Decimals.Canonical(r.Price), Decimals.Canonical(r.CurrentPercent),
            Decimals.Canonical(r.TargetPercent), Decimals.Canonical(r.TargetQuantity))).ToList(), StoredJsonContext.Default.ListStoredAllocation);

    public static List<AllocationRow> ParseAllocation(string? json) => json is null ? [] :
        System.Text.Json.JsonSerializer.Deserialize(json, StoredJsonContext.Default.ListStoredAllocation)!
            .Select(r => new AllocationRow(r.Asset, Decimals.ParseStored(r.CurrentQuantity), Decimals.ParseStored(r.Price), Decimals.ParseStored(r.CurrentPercent),
                Decimals.ParseStored(r.TargetPercent), Decimals.ParseStored(r.TargetQuantity))).ToList();

    public static string VenueResult(Robson.Core.Ports.VenueOrderResult r) => System.Text.Json.JsonSerializer.Serialize(
        new StoredVenueResult(r.Status.Wire, r.VenueOrderId, r.Fills.Select(f => new StoredFill(Decimals.Canonical(f.Price), Decimals.Canonical(f.Quantity),
            Decimals.Canonical(f.Commission), f.CommissionAsset, f.TradeId)).ToList(), r.Reason), StoredJsonContext.Default.StoredVenueResult);

    public static Robson.Core.Ports.VenueOrderResult ParseVenueResult(string json)
    {
        var r = System.Text.Json.JsonSerializer.Deserialize(json, StoredJsonContext.Default.StoredVenueResult)!;
        return new Robson.Core.Ports.VenueOrderResult(OrderStatus.Parse(r.Status), r.VenueOrderId, r.Fills.Select(f => new Robson.Core.Ports.VenueFill(
            Decimals.ParseStored(f.Price), Decimals.ParseStored(f.Quantity), Decimals.ParseStored(f.Commission), f.CommissionAsset, f.TradeId)).ToList(), r.Reason);
    }

    public static string Issues(IEnumerable<ValidationIssue> issues) => System.Text.Json.JsonSerializer.Serialize(
        issues.Select(i => new StoredIssue(i.Code, i.Severity.Wire(), i.Message, Copy(i.Details))).ToList(), StoredJsonContext.Default.ListStoredIssue);

    public static List<ValidationIssue> ParseIssues(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, StoredJsonContext.Default.ListStoredIssue)!
            .Select(i => new ValidationIssue(i.Code, i.Severity == "WARNING" ? IssueSeverity.Warning : IssueSeverity.Failure, i.Message, i.Details)).ToList();

    public static string Guards(IEnumerable<GuardResult> guards) => System.Text.Json.JsonSerializer.Serialize(
        guards.Select(g => new StoredGuard(g.Name, g.Passed, g.Message, Copy(g.Details), g.BlocksLive, g.Code)).ToList(), StoredJsonContext.Default.ListStoredGuard);

    public static List<GuardResult> ParseGuards(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, StoredJsonContext.Default.ListStoredGuard)!
            .Select(g => new GuardResult(g.Name, g.Passed, g.Message, g.Details) { BlocksLive = g.BlocksLive ?? !g.Passed, Code = g.Code }).ToList();

    public static string Actions(IEnumerable<ExecutionAction> actions) => System.Text.Json.JsonSerializer.Serialize(
        actions.Select(a => new StoredAction(a.Type, a.Description, Copy(a.Details), a.Result)).ToList(), StoredJsonContext.Default.ListStoredAction);

    public static List<ExecutionAction> ParseActions(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, StoredJsonContext.Default.ListStoredAction)!
            .Select(a => new ExecutionAction(a.Type, a.Description, a.Details, a.Result)).ToList();

    public static string Details(IReadOnlyDictionary<string, string> details) =>
        System.Text.Json.JsonSerializer.Serialize(Copy(details), StoredJsonContext.Default.SortedDictionaryStringString);

    public static SortedDictionary<string, string> ParseDetails(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, StoredJsonContext.Default.SortedDictionaryStringString)!;
}
