using System.CommandLine;
using Robson.Cli.Rendering;
using Robson.Core.Domain;
using Symbol = Robson.Core.Domain.Symbol;
using Robson.Venues.Paper;

namespace Robson.Cli.Commands.Paper;

/// <summary><c>robson paper balance|deposit|set-price</c>: the local simulated exchange.</summary>
public static class PaperCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("paper",
            "Inspect and adjust the paper venue (the default venue: a local simulated exchange, offline, 0.1 % fees,\n" +
            "10,000 USDT per tenant to start). LIVE on paper changes these balances; DRY-RUN never does.");
        command.Subcommands.Add(Balance(context));
        command.Subcommands.Add(Deposit(context));
        command.Subcommands.Add(SetPrice(context));
        return command;
    }

    private static Command Balance(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var command = new Command("balance", "Show the tenant's paper balances.") { clientId, json };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var paper = context.Paper(create: false);
            WriteBalances(context.IO, tenant, paper.BalancesOf(tenant), paper.LockedOf(tenant), result.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Deposit(CliContext context)
    {
        var asset = new Argument<string>("ASSET") { Description = "e.g. USDT, BTC." };
        var amount = new Argument<string>("AMOUNT") { Description = "A plain decimal > 0." };
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var command = new Command("deposit", "Add funds to the tenant's paper balance.") { asset, amount, clientId, json };
        command.SetAction(result =>
        {
            var value = Inputs.Require(Decimals.ParsePositive(result.GetValue(amount), "AMOUNT"));
            var tenant = Inputs.ClientId(result, clientId);
            var desk = new PaperDesk(context.Environment(create: true), context.Paper(create: true));
            var outcome = desk.Deposit(tenant, result.GetValue(asset) ?? "", value);
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            WriteBalances(context.IO, tenant, outcome.Value!, context.Paper(create: true).LockedOf(tenant), result.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command SetPrice(CliContext context)
    {
        var symbol = new Argument<string>("SYMBOL");
        var price = new Argument<string>("PRICE") { Description = "New mid price; the book is rebuilt around it." };
        var json = CommonOptions.Json();
        var command = new Command("set-price", "Move the paper book's mid price for a symbol (affects every tenant); resting orders it crosses fill.") { symbol, price, json };
        command.SetAction(result =>
        {
            var parsedSymbol = Inputs.Require(Symbol.Parse(result.GetValue(symbol)));
            var value = Inputs.Require(Decimals.ParsePositive(result.GetValue(price), "PRICE"));
            var desk = new PaperDesk(context.Environment(create: true), context.Paper(create: true));
            var outcome = desk.SetPrice(parsedSymbol, value);
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            WritePriceChange(context.IO, outcome.Value!, result.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WritePriceChange(CliIO io, PaperPriceChange change, bool json)
    {
        if (json)
        {
            Output.Json(io, new PaperPriceJson(change.Symbol.Value, change.Price, change.Previous, PaperVenue.VenueName,
                change.Fills.Select(f => new PaperFillJson(f.ClientId.Value, f.ClientOrderId, f.ListClientOrderId, f.Side.Wire(), f.Quantity, f.Symbol.Value,
                    Math.Round(f.AveragePrice, 8), f.Status.Wire, f.ExecutedQuantity, f.Fills.Select(t => t.TradeId ?? "").ToList())).ToList()),
                c => c.PaperPriceJson);
            return;
        }
        io.Out.WriteLine($"{change.Symbol} mid price on paper is now {Output.Dec(change.Price)}");
        if (change.Fills.Count > 0)
            io.Out.WriteLine($"Resting orders filled ({change.Fills.Count}):");
        foreach (var f in change.Fills)
            io.Out.WriteLine($"  {f.ClientOrderId} {f.Side.Wire()} {Output.Dec(f.Quantity)} {f.Symbol} at {Output.Dec(Math.Round(f.AveragePrice, 8))} {f.Status.Wire} (client {f.ClientId})");
    }

    /// <summary>Free balances, and beside them what resting orders lock (an asset entirely locked still shows, free 0).</summary>
    private static void WriteBalances(CliIO io, ClientId tenant, IReadOnlyDictionary<string, decimal> free, IReadOnlyDictionary<string, decimal> locked, bool json)
    {
        var assets = free.Keys.Union(locked.Keys).Order(StringComparer.Ordinal).ToList();
        if (json)
        {
            Output.Json(io, new PaperBalancesJson(tenant.Value, PaperVenue.VenueName,
                assets.Select(a => new BalanceJson(a, free.GetValueOrDefault(a), locked.GetValueOrDefault(a))).ToList()),
                c => c.PaperBalancesJson);
            return;
        }
        io.Out.WriteLine($"Paper balances for client {tenant}:");
        foreach (var asset in assets)
            io.Out.WriteLine(locked.GetValueOrDefault(asset) is var held && held != 0
                ? $"  {asset,-6} {Output.Dec(free.GetValueOrDefault(asset))} (locked by resting orders: {Output.Dec(held)})"
                : $"  {asset,-6} {Output.Dec(free.GetValueOrDefault(asset))}");
    }
}
