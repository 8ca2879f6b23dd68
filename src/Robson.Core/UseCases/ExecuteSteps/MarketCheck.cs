using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Market;
using Robson.Core.Strategies;
using Robson.Core.Validation;

namespace Robson.Core.UseCases.ExecuteSteps;

/// <summary>
/// The market-dependent rules of validation run on a market snapshot: for the whole plan when the guards are
/// evaluated, and for each LIVE order just before it leaves, on data no older than the strategy's send-time age.
/// </summary>
internal static class MarketCheck
{
    public static ValidationContext Context(ExecutionRun run, MarketSnapshot market, DailyUsage today, DateTimeOffset localTime)
    {
        var settings = run.Strategy?.Settings ?? new StrategySettings();
        var peak = run.Store.PeakEquity(run.ClientId, run.Plan.Venue);
        if (market.Account is { } account && (peak is null || account.Equity > peak)) peak = account.Equity;
        return new ValidationContext(run.ClientId, run.Plan, run.Strategy, market.Rules, market.Books)
        {
            Now = localTime,
            MaxMarketDataAge = TimeSpan.FromSeconds(settings.SendTimeMaxDataAgeSeconds),
            TakerFeeRate = market.TakerFeeRate,
            Account = market.Account,
            Today = today,
            PeakEquity = peak,
        };
    }

    /// <summary>Each symbol's mid now beside its mid at validation, for the report of a market failure.</summary>
    public static IReadOnlyDictionary<string, string> Comparison(MarketSnapshot market, ValidationReport? validation)
    {
        var details = new Details();
        foreach (var (symbol, mid) in market.Mids())
        {
            details[$"{symbol}.mid_now"] = mid;
            if (validation?.Market.TryGetValue(symbol, out var then) == true) details[$"{symbol}.mid_at_validation"] = then;
        }
        return details;
    }
}
