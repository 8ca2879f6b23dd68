using Robson.Cli.Rendering;
using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Market;

/// <summary>Human and JSON output of `robson market price|book|rules`.</summary>
public static class MarketRenderer
{
    private static decimal Seconds(TimeSpan age) => Math.Round((decimal)age.TotalMilliseconds / 1000m, 3);

    public static void Price(CliIO io, MarketQuote q, bool json)
    {
        var book = q.Book;
        if (json)
        {
            Output.Json(io, new MarketPriceJson(q.Venue, q.Rules.Symbol.Value, q.Rules.BaseAsset, q.Rules.QuoteAsset, q.Last, book.BestBid, book.BestAsk,
                book.Mid, q.Spread, Output.Time(book.AsOf), Seconds(q.Age)), MarketJsonContext.Default.MarketPriceJson);
            return;
        }
        io.Out.WriteLine($"{q.Rules.Symbol} on {q.Venue} ({q.Rules.BaseAsset}/{q.Rules.QuoteAsset})");
        io.Out.WriteLine($"  last:    {Output.Dec(q.Last)}");
        io.Out.WriteLine($"  mid:     {Output.Dec(book.Mid)}");
        io.Out.WriteLine($"  bid:     {Output.Dec(book.BestBid)}");
        io.Out.WriteLine($"  ask:     {Output.Dec(book.BestAsk)}");
        io.Out.WriteLine($"  spread:  {Output.Dec(q.Spread)}" + (q.Spread is { } s && book.Mid is > 0 and var mid ? $" ({Output.Dec(Math.Round(s / mid * 10_000m, 2))} bps)" : ""));
        io.Out.WriteLine($"  book as of {Output.HumanTime(book.AsOf)} (age {Output.Dec(Seconds(q.Age))} s)");
    }

    public static void Book(CliIO io, MarketQuote q, int depth, bool json)
    {
        var book = q.Book;
        if (json)
        {
            Output.Json(io, new MarketBookJson(q.Venue, q.Rules.Symbol.Value, depth, Output.Time(book.AsOf), Seconds(q.Age),
                book.Bids.Select(Level).ToList(), book.Asks.Select(Level).ToList()), MarketJsonContext.Default.MarketBookJson);
            return;
        }
        io.Out.WriteLine($"{q.Rules.Symbol} on {q.Venue}: best {depth} levels, as of {Output.HumanTime(book.AsOf)} (age {Output.Dec(Seconds(q.Age))} s)");
        io.Out.WriteLine($"  {"BID QTY",16} {"BID",14} | {"ASK",-14} {"ASK QTY",-16}");
        for (var i = 0; i < Math.Max(book.Bids.Count, book.Asks.Count); i++)
        {
            var bid = i < book.Bids.Count ? book.Bids[i] : null;
            var ask = i < book.Asks.Count ? book.Asks[i] : null;
            io.Out.WriteLine($"  {Output.Dec(bid?.Quantity),16} {Output.Dec(bid?.Price),14} | {Output.Dec(ask?.Price),-14} {Output.Dec(ask?.Quantity),-16}".TrimEnd());
        }
    }

    public static void Rules(CliIO io, string venue, SymbolRules rules, bool json)
    {
        var filters = rules.Filters.Select(f => new FilterJson(f.Type, Values(f))).ToList();
        if (json)
        {
            Output.Json(io, new MarketRulesJson(venue, rules.Symbol.Value, rules.Status, rules.IsTrading, rules.BaseAsset, rules.QuoteAsset,
                rules.TickSize, rules.StepSize, rules.MinQty, rules.MinNotional, filters), MarketJsonContext.Default.MarketRulesJson);
            return;
        }
        io.Out.WriteLine($"{rules.Symbol} on {venue} ({rules.BaseAsset}/{rules.QuoteAsset})");
        io.Out.WriteLine($"  status:       {rules.Status}" + (rules.IsTrading ? "" : " (not trading: every order fails validation)"));
        io.Out.WriteLine($"  tick size:    {Output.Dec(rules.TickSize)}");
        io.Out.WriteLine($"  step size:    {Output.Dec(rules.StepSize)}");
        io.Out.WriteLine($"  min quantity: {Output.Dec(rules.MinQty)}");
        io.Out.WriteLine($"  min notional: {Output.Dec(rules.MinNotional)} {rules.QuoteAsset}");
        io.Out.WriteLine("  filters:");
        foreach (var f in filters)
            io.Out.WriteLine($"    {f.Type,-22} {string.Join(", ", f.Values.Select(v => $"{v.Key}={v.Value}"))}".TrimEnd());
    }

    private static BookLevelJson Level(BookLevel level) => new(level.Price, level.Quantity);

    /// <summary>A filter's parameters by their exchangeInfo meaning, in snake_case; filters that constrain nothing have none.</summary>
    private static SortedDictionary<string, string> Values(SymbolFilter filter)
    {
        var pairs = filter switch
        {
            PriceFilter f => Details.Of(("min_price", f.MinPrice), ("max_price", f.MaxPrice), ("tick_size", f.TickSize)),
            LotSizeFilter f => Details.Of(("min_qty", f.MinQty), ("max_qty", f.MaxQty), ("step_size", f.StepSize)),
            MinNotionalFilter f => Details.Of(("min_notional", f.MinNotional), ("apply_to_market", f.ApplyToMarket ? "true" : "false"),
                ("avg_price_mins", f.AvgPriceMins)),
            NotionalFilter f => Details.Of(("min_notional", f.MinNotional), ("apply_min_to_market", f.ApplyMinToMarket ? "true" : "false"),
                ("max_notional", f.MaxNotional), ("apply_max_to_market", f.ApplyMaxToMarket ? "true" : "false"), ("avg_price_mins", f.AvgPriceMins)),
            PercentPriceFilter f => Details.Of(("multiplier_up", f.MultiplierUp), ("multiplier_down", f.MultiplierDown), ("avg_price_mins", f.AvgPriceMins)),
            PercentPriceBySideFilter f => Details.Of(("bid_multiplier_up", f.BidMultiplierUp), ("bid_multiplier_down", f.BidMultiplierDown),
                ("ask_multiplier_up", f.AskMultiplierUp), ("ask_multiplier_down", f.AskMultiplierDown), ("avg_price_mins", f.AvgPriceMins)),
            UnknownFilter => Details.Of(("known", "false")),
            _ => new Details(),
        };
        return new SortedDictionary<string, string>(pairs, StringComparer.Ordinal);
    }
}
