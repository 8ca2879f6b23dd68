using System.CommandLine;
using Robson.Core.Domain;
using Symbol = Robson.Core.Domain.Symbol;
using Robson.Core.UseCases;
using Robson.Venues;

namespace Robson.Cli.Commands.Plan;

/// <summary><c>robson plan buy|sell SYMBOL QUANTITY [--limit PRICE | --market] [--stop-loss PRICE] --client-id N ...</c>; a buy may give <c>--quote AMOUNT</c> instead of QUANTITY.</summary>
public static class PlanCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("plan", "State an intent. The plan is stored, immutable and content-hashed; nothing is sent anywhere.");
        command.Subcommands.Add(BuildSide(context, PlanKind.Buy));
        command.Subcommands.Add(BuildSide(context, PlanKind.Sell));
        command.Subcommands.Add(RebalanceCommand.Build(context));
        command.Subcommands.Add(BuildCancel(context));
        command.Subcommands.Add(PlanCopyCommand.Build(context));
        return command;
    }

    private static Command BuildCancel(CliContext context)
    {
        var order = new Option<string>("--order") { Description = "Client order id of an open order Robson placed (see `robson orders list`). Required." };
        var clientId = CommonOptions.ClientId();
        var strategyId = new Option<string>("--strategy-id") { Description = "Strategy that applies (default: the one of the order's plan)." };
        var json = CommonOptions.Json();
        var command = new Command("cancel", "Plan the cancel of an open order Robson placed. Validate and execute it like any plan; allowed while HALTED.")
        {
            order, clientId, strategyId, json,
        };
        command.SetAction(result =>
        {
            var orderId = result.GetValue(order);
            if (string.IsNullOrWhiteSpace(orderId) || orderId.Length > 36)
                throw new UsageException("--order CLIENT_ORDER_ID is required (see `robson orders list`)");
            var tenant = Inputs.ClientId(result, clientId);
            var outcome = new CreateCancelPlan(context.Environment(create: false)).Execute(tenant, orderId, Inputs.OptionalId(result, strategyId));
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            PlanRenderer.Write(context.IO, outcome.Value!, result.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static TimeInForce? TimeInForceOf(string? text) => text is null
        ? null
        : EnumText.ParseTimeInForce(text.Trim()) ?? throw new UsageException($"--tif must be gtc, ioc or fok, got '{text}'");

    private static Command BuildSide(CliContext context, PlanKind kind)
    {
        var symbol = new Argument<string>("SYMBOL") { Description = "Trading pair, e.g. BTCUSDT." };
        var quantity = new Argument<string>("QUANTITY")
        {
            Description = kind == PlanKind.Buy
                ? "Base-asset quantity, a plain decimal > 0 (e.g. 0.001). Required unless --quote is given."
                : "Base-asset quantity, a plain decimal > 0 (e.g. 0.001).",
            // Optional to the parser for a buy, which can give --quote instead; the action says which one is missing.
            Arity = kind == PlanKind.Buy ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne,
        };
        var quote = new Option<string>("--quote")
        {
            Description = "Spend up to AMOUNT of the quote asset (e.g. --quote 100 on BTCUSDT: up to 100 USDT) at market, instead of QUANTITY. " +
                          "The venue buys as much as the amount pays for, rounded down to the lot step; fees come on top. Not with --limit.",
        };
        var limit = new Option<string>("--limit") { Description = "Limit price (a LIMIT order). Default: --market." };
        var market = new Option<bool>("--market") { Description = "A MARKET order (the default)." };
        var stopLoss = new Option<string>("--stop-loss") { Description = kind == PlanKind.Buy
            ? "Stop-loss price. At LIVE, once the buy fills, a protective STOP_LOSS_LIMIT SELL is placed on the venue for what it bought."
            : "Stop-loss price recorded with the plan." };
        var takeProfit = new Option<string>("--take-profit") { Description = "Take-profit price (buy, with --stop-loss): the protection becomes an OCO, a LIMIT_MAKER above and the stop below." };
        var tif = new Option<string>("--tif") { Description = "Time in force of a limit order: gtc (rests until filled or canceled; the default), ioc or fok." };
        var clientId = CommonOptions.ClientId();
        var strategyId = new Option<string>("--strategy-id") { Description = "Strategy whose risk rules, limits and policy apply (required for LIVE)." };
        var venue = new Option<string>("--venue") { Description = $"Venue name. Default: {VenueDirectory.DefaultVenue} (local simulated exchange)." };
        var json = CommonOptions.Json();

        var command = new Command(kind.Wire(), kind == PlanKind.Buy ? "Plan to buy QUANTITY of SYMBOL, or to spend up to --quote AMOUNT on it at market." : $"Plan to {kind.Wire()} QUANTITY of SYMBOL.")
        {
            symbol, quantity, limit, market, stopLoss, clientId, strategyId, venue, json,
        };
        if (kind == PlanKind.Buy) command.Options.Add(takeProfit);
        if (kind == PlanKind.Buy) command.Options.Add(quote);
        command.Options.Add(tif);
        command.SetAction(result =>
        {
            var parsedSymbol = Inputs.Require(Symbol.Parse(result.GetValue(symbol)));
            var quoteAmount = kind == PlanKind.Buy ? Inputs.OptionalPositive(result, quote) : null;
            var quantityText = result.GetValue(quantity);
            if (quoteAmount is not null && quantityText is not null)
                throw new UsageException("give either QUANTITY or --quote AMOUNT, not both");
            if (quoteAmount is null && quantityText is null)
                throw new UsageException(kind == PlanKind.Buy ? "QUANTITY is required (or --quote AMOUNT; see `robson plan buy --help`)" : "QUANTITY is required (see `robson plan sell --help`)",
                    ErrorCodes.MissingArgument);
            var parsedQuantity = quoteAmount is null ? Inputs.Require(Decimals.ParsePositive(quantityText, "QUANTITY")) : 0m;
            var limitPrice = Inputs.OptionalPositive(result, limit);
            if (limitPrice is not null && result.GetValue(market))
                throw new UsageException("give either --limit PRICE or --market, not both");
            if (limitPrice is not null && quoteAmount is not null)
                throw new UsageException("--quote buys at market: it cannot go with --limit");
            var request = new CreatePlanRequest(
                Inputs.ClientId(result, clientId), kind, parsedSymbol, parsedQuantity,
                limitPrice is null ? OrderType.Market : OrderType.Limit, limitPrice,
                Inputs.OptionalPositive(result, stopLoss), Inputs.OptionalId(result, strategyId),
                result.GetValue(venue) ?? VenueDirectory.DefaultVenue,
                kind == PlanKind.Buy ? Inputs.OptionalPositive(result, takeProfit) : null,
                TimeInForceOf(result.GetValue(tif)), quoteAmount);

            var outcome = new CreatePlan(context.Environment(create: true)).Execute(request);
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            PlanRenderer.Write(context.IO, outcome.Value!, result.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }
}
