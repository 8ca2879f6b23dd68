using System.CommandLine;
using Robson.Core.Domain;
using Symbol = Robson.Core.Domain.Symbol;
using Robson.Core.Strategies;

namespace Robson.Cli.Commands.Strategy;

/// <summary>The options <c>strategy create</c> and <c>strategy set</c> share, and how they become a <see cref="StrategyChanges"/>.</summary>
public sealed class StrategyOptions
{
    private readonly Option<string> _maxDrawdown = new("--max-drawdown-percent") { Description = "Max drawdown from peak equity, percent (0-100]; above 50 warns." };
    private readonly Option<string> _stopLoss = new("--stop-loss-percent") { Description = "Stop-loss distance, percent (0-100]; above 10 warns." };
    private readonly Option<string> _maxPosition = new("--max-position-size-percent") { Description = "Max position as percent of equity (0-100]; above 50 warns." };
    private readonly Option<string> _maxOrders = new("--max-orders-per-day") { Description = "LIVE orders per UTC day (required for LIVE)." };
    private readonly Option<string> _maxNotional = new("--max-notional-per-day") { Description = "LIVE notional per UTC day, quote asset (required for LIVE)." };
    private readonly Option<string> _maxLoss = new("--max-loss-per-day") { Description = "Realised loss per UTC day, fees included (required for LIVE)." };
    private readonly Option<bool> _liveEnabled = new("--live-enabled") { Description = "Allow LIVE execution (default: off). `--live-enabled false` turns it off." };
    private readonly Option<string> _symbols = new("--allowed-symbols") { Description = "Comma-separated symbols, e.g. BTCUSDT,ETHUSDT (default: all)." };
    private readonly Option<string> _orderTypes = new("--allowed-order-types") { Description = "Comma-separated: market,limit (default: both)." };
    private readonly Option<string> _maxNotionalPerOrder = new("--max-notional-per-order") { Description = "Largest notional of a single order." };
    private readonly Option<string> _collar = new("--price-collar-percent") { Description = $"Fat-finger collar: a limit farther than this from the mid fails validation (default {StrategySettings.DefaultPriceCollarPercent})." };
    private readonly Option<string> _slippage = new("--slippage-warning-percent") { Description = $"Warn when a market order's expected slippage exceeds this (default {StrategySettings.DefaultSlippageWarningPercent})." };
    private readonly Option<string> _planKinds = new("--allowed-plan-kinds") { Description = "Comma-separated: buy,sell,rebalance,cancel (default: all)." };
    private readonly Option<string> _ttl = new("--validation-ttl-minutes") { Description = $"How long a validation authorises LIVE (default {StrategySettings.DefaultValidationTtlMinutes})." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _maxDrawdown, _stopLoss, _maxPosition, _maxOrders, _maxNotional, _maxLoss, _liveEnabled, _symbols, _orderTypes, _maxNotionalPerOrder, _ttl, _collar, _slippage, _planKinds })
            command.Options.Add(option);
    }

    public StrategyChanges Read(ParseResult result) => new()
    {
        MaxDrawdownPercent = Inputs.OptionalPositive(result, _maxDrawdown),
        StopLossPercent = Inputs.OptionalPositive(result, _stopLoss),
        MaxPositionSizePercent = Inputs.OptionalPositive(result, _maxPosition),
        MaxOrdersPerDay = Inputs.OptionalPositiveInt(result, _maxOrders),
        MaxNotionalPerDay = Inputs.OptionalPositive(result, _maxNotional),
        MaxLossPerDay = Inputs.OptionalPositive(result, _maxLoss),
        LiveEnabled = result.GetResult(_liveEnabled) is { Implicit: false } ? result.GetValue(_liveEnabled) : null,
        AllowedSymbols = result.GetValue(_symbols) is { } s ? ParseSymbols(s) : null,
        AllowedOrderTypes = result.GetValue(_orderTypes) is { } t ? ParseOrderTypes(t) : null,
        MaxNotionalPerOrder = Inputs.OptionalPositive(result, _maxNotionalPerOrder),
        ValidationTtlMinutes = Inputs.OptionalPositiveInt(result, _ttl),
        PriceCollarPercent = Inputs.OptionalPositive(result, _collar),
        SlippageWarningPercent = Inputs.OptionalPositive(result, _slippage),
        AllowedPlanKinds = result.GetValue(_planKinds) is { } k ? ParsePlanKinds(k) : null,
    };

    private static List<PlanKind> ParsePlanKinds(string text) =>
        Split(text, "--allowed-plan-kinds").Select(k => k.ToLowerInvariant() switch
        {
            "buy" => PlanKind.Buy,
            "sell" => PlanKind.Sell,
            "rebalance" => PlanKind.Rebalance,
            "cancel" => PlanKind.Cancel,
            _ => throw new UsageException($"--allowed-plan-kinds: unknown plan kind '{k}' (use buy, sell, rebalance, cancel)"),
        }).Distinct().ToList();

    private static List<string> ParseSymbols(string text) =>
        Split(text, "--allowed-symbols").Select(s => Inputs.Require(Symbol.Parse(s)).Value).Distinct().ToList();

    private static List<OrderType> ParseOrderTypes(string text) =>
        Split(text, "--allowed-order-types").Select(t => t.ToLowerInvariant() switch
        {
            "market" => OrderType.Market,
            "limit" => OrderType.Limit,
            _ => throw new UsageException($"--allowed-order-types: unknown order type '{t}' (use market, limit)"),
        }).Distinct().ToList();

    private static string[] Split(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 ? parts : throw new UsageException($"{option} needs at least one value");
    }
}
