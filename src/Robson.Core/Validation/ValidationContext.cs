using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Strategies;

namespace Robson.Core.Validation;

/// <summary>Everything a validator may look at, gathered up front so validators stay pure.</summary>
public sealed record ValidationContext(
    ClientId RequestingClient,
    Plan Plan,
    Strategy? Strategy,
    IReadOnlyDictionary<Symbol, SymbolRules> Rules,
    IReadOnlyDictionary<Symbol, OrderBook> Books)
{
    /// <summary>At validation, market data older than this is stale: validation fails rather than trusting it.</summary>
    public static readonly TimeSpan ValidationMaxMarketDataAge = TimeSpan.FromSeconds(30);

    /// <summary>Market data older than this is stale (30 s at validation; the strategy's send-time age, default 5 s, at LIVE).</summary>
    public TimeSpan MaxMarketDataAge { get; init; } = ValidationMaxMarketDataAge;

    public DateTimeOffset Now { get; init; }
    public decimal TakerFeeRate { get; init; }

    /// <summary>The tenant's balances and prices on the plan's venue; null when the venue could not say.</summary>
    public AccountSnapshot? Account { get; init; }

    public TradingStatus TradingStatus { get; init; } = TradingStatus.Active;
    public DailyUsage Today { get; init; } = DailyUsage.None;

    /// <summary>Highest recorded equity of the tenant on the venue (including now).</summary>
    public decimal? PeakEquity { get; init; }

    /// <summary>For cancel plans: the recorded status of each order to cancel (absent: no such order).</summary>
    public IReadOnlyDictionary<string, Execution.OrderStatus> OrderStatuses { get; init; } = new Dictionary<string, Execution.OrderStatus>();

    /// <summary>
    /// The plan's legs as validators judge them: a buy by quote amount with the base quantity it would buy from the
    /// fresh book now (its quantity stays 0 without one; MarketSanity then reports the missing price). Computed on each
    /// read, so a copy of the context with other legs (<c>with</c>) sizes its own.
    /// </summary>
    public IReadOnlyList<PlanLeg> Legs =>
        Plan.Legs.Select(l => QuoteSizing.Sized(l, l.IsByQuote ? FreshBook(l.Symbol) : null, Rules.GetValueOrDefault(l.Symbol))).ToList();

    /// <summary>A fresh book for the symbol, or null when missing or stale.</summary>
    public OrderBook? FreshBook(Symbol symbol) =>
        Books.TryGetValue(symbol, out var book) && book.Mid is not null && Now - book.AsOf <= MaxMarketDataAge ? book : null;

    /// <summary>Expected fill of a leg against the current book (null without a fresh book).</summary>
    public SimulatedFill? ExpectedFill(PlanLeg leg) =>
        FreshBook(leg.Symbol) is { } book ? FillSimulator.Simulate(book, leg.Side, leg.Quantity, leg.LimitPrice, TakerFeeRate) : null;

    /// <summary>The price a leg is valued at: its limit, else its expected average fill, else the mid.</summary>
    public decimal? ReferencePrice(PlanLeg leg) =>
        leg.LimitPrice ?? (ExpectedFill(leg) is { FilledQuantity: > 0 } fill ? fill.AveragePrice : FreshBook(leg.Symbol)?.Mid);
}

public interface IPlanValidator
{
    string Name { get; }
    IEnumerable<ValidationIssue> Validate(ValidationContext context);
}
