using System.Text.Json.Serialization;

namespace Robson.Cli.Commands.TradingState;

// The --json contract of `halt`, `reduce-only` and `resume`: the tenant's trading state after the command.
public sealed record TradingStateJson(long ClientId, string State, string? Reason, string? ChangedAt);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(TradingStateJson))]
public sealed partial class TradingStateJsonContext : JsonSerializerContext;
