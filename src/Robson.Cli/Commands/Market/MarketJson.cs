using System.Text.Json.Serialization;

namespace Robson.Cli.Commands.Market;

// The --json contract of `robson market`: snake_case, amounts as JSON numbers written exactly from decimal.

/// <summary>"age_seconds": how old the book was when read (Binance's depth carries no time: then it is when it arrived).</summary>
public sealed record MarketPriceJson(string Venue, string Symbol, string BaseAsset, string QuoteAsset, decimal? Last, decimal? Bid, decimal? Ask,
    decimal? Mid, decimal? Spread, string AsOf, decimal AgeSeconds);

public sealed record BookLevelJson(decimal Price, decimal Quantity);

public sealed record MarketBookJson(string Venue, string Symbol, int Depth, string AsOf, decimal AgeSeconds, List<BookLevelJson> Bids, List<BookLevelJson> Asks);

/// <summary>One exchangeInfo filter with its parameters as strings (exact decimals), e.g. LOT_SIZE {min_qty, max_qty, step_size}.</summary>
public sealed record FilterJson(string Type, SortedDictionary<string, string> Values);

/// <summary>The rules validation checks: status, the shortcuts it plans with, and every filter as the venue gave it.</summary>
public sealed record MarketRulesJson(string Venue, string Symbol, string Status, bool Trading, string BaseAsset, string QuoteAsset,
    decimal TickSize, decimal StepSize, decimal MinQty, decimal MinNotional, List<FilterJson> Filters);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(MarketPriceJson))]
[JsonSerializable(typeof(MarketBookJson))]
[JsonSerializable(typeof(MarketRulesJson))]
public sealed partial class MarketJsonContext : JsonSerializerContext;
