using System.Text.Json.Serialization;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Guards;
using Robson.Core.Plans;
using Robson.Core.Strategies;
using Robson.Core.Validation;

namespace Robson.Storage.Sqlite;

internal sealed record StoredLeg(string Symbol, string Side, string Type, string Quantity, string? LimitPrice, string? StopLoss);

internal sealed record StoredSettings(
    string? MaxDrawdownPercent, string? StopLossPercent, string? MaxPositionSizePercent, int? MaxOrdersPerDay,
    string? MaxNotionalPerDay, string? MaxLossPerDay, bool LiveEnabled, List<string> AllowedSymbols,
    List<string> AllowedOrderTypes, string? MaxNotionalPerOrder, int ValidationTtlMinutes);

internal sealed record StoredIssue(string Code, string Severity, string Message, SortedDictionary<string, string> Details);

internal sealed record StoredGuard(string Name, bool Passed, string Message, SortedDictionary<string, string> Details);

internal sealed record StoredAction(string Type, string Description, SortedDictionary<string, string> Details, string Result);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<StoredLeg>))]
[JsonSerializable(typeof(StoredSettings))]
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
        legs.Select(l => new StoredLeg(l.Symbol.Value, l.Side.Wire(), l.Type.Wire(), Decimals.Canonical(l.Quantity), Dec(l.LimitPrice), Dec(l.StopLoss))).ToList(),
        StoredJsonContext.Default.ListStoredLeg);

    public static List<PlanLeg> ParseLegs(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, StoredJsonContext.Default.ListStoredLeg)!
            .Select(l => new PlanLeg(Symbol.From(l.Symbol), EnumText.ParseSide(l.Side), EnumText.ParseOrderType(l.Type),
                Decimals.ParseStored(l.Quantity), ParseDec(l.LimitPrice), ParseDec(l.StopLoss))).ToList();

    public static string Settings(StrategySettings s) => System.Text.Json.JsonSerializer.Serialize(new StoredSettings(
        Dec(s.MaxDrawdownPercent), Dec(s.StopLossPercent), Dec(s.MaxPositionSizePercent), s.MaxOrdersPerDay,
        Dec(s.MaxNotionalPerDay), Dec(s.MaxLossPerDay), s.LiveEnabled, [.. s.AllowedSymbols],
        [.. s.AllowedOrderTypes.Select(t => t.Wire())], Dec(s.MaxNotionalPerOrder), s.ValidationTtlMinutes), StoredJsonContext.Default.StoredSettings);

    public static StrategySettings ParseSettings(string json)
    {
        var s = System.Text.Json.JsonSerializer.Deserialize(json, StoredJsonContext.Default.StoredSettings)!;
        return new StrategySettings
        {
            MaxDrawdownPercent = ParseDec(s.MaxDrawdownPercent),
            StopLossPercent = ParseDec(s.StopLossPercent),
            MaxPositionSizePercent = ParseDec(s.MaxPositionSizePercent),
            MaxOrdersPerDay = s.MaxOrdersPerDay,
            MaxNotionalPerDay = ParseDec(s.MaxNotionalPerDay),
            MaxLossPerDay = ParseDec(s.MaxLossPerDay),
            LiveEnabled = s.LiveEnabled,
            AllowedSymbols = s.AllowedSymbols,
            AllowedOrderTypes = s.AllowedOrderTypes.Select(EnumText.ParseOrderType).ToList(),
            MaxNotionalPerOrder = ParseDec(s.MaxNotionalPerOrder),
            ValidationTtlMinutes = s.ValidationTtlMinutes,
        };
    }

    public static string Issues(IEnumerable<ValidationIssue> issues) => System.Text.Json.JsonSerializer.Serialize(
        issues.Select(i => new StoredIssue(i.Code, i.Severity.Wire(), i.Message, Copy(i.Details))).ToList(), StoredJsonContext.Default.ListStoredIssue);

    public static List<ValidationIssue> ParseIssues(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, StoredJsonContext.Default.ListStoredIssue)!
            .Select(i => new ValidationIssue(i.Code, i.Severity == "WARNING" ? IssueSeverity.Warning : IssueSeverity.Failure, i.Message, i.Details)).ToList();

    public static string Guards(IEnumerable<GuardResult> guards) => System.Text.Json.JsonSerializer.Serialize(
        guards.Select(g => new StoredGuard(g.Name, g.Passed, g.Message, Copy(g.Details))).ToList(), StoredJsonContext.Default.ListStoredGuard);

    public static List<GuardResult> ParseGuards(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, StoredJsonContext.Default.ListStoredGuard)!
            .Select(g => new GuardResult(g.Name, g.Passed, g.Message, g.Details)).ToList();

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
