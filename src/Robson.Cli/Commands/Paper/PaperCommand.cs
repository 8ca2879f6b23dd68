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
            var balances = context.Paper(create: false).BalancesOf(tenant);
            WriteBalances(context.IO, tenant, balances, result.GetValue(json));
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
            WriteBalances(context.IO, tenant, outcome.Value!, result.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command SetPrice(CliContext context)
    {
        var symbol = new Argument<string>("SYMBOL");
        var price = new Argument<string>("PRICE") { Description = "New mid price; the book is rebuilt around it." };
        var json = CommonOptions.Json();
        var command = new Command("set-price", "Move the paper book's mid price for a symbol (affects every tenant).") { symbol, price, json };
        command.SetAction(result =>
        {
            var parsedSymbol = Inputs.Require(Symbol.Parse(result.GetValue(symbol)));
            var value = Inputs.Require(Decimals.ParsePositive(result.GetValue(price), "PRICE"));
            var desk = new PaperDesk(context.Environment(create: true), context.Paper(create: true));
            var outcome = desk.SetPrice(parsedSymbol, value);
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            if (result.GetValue(json))
                Output.Json(context.IO, new PaperPriceJson(parsedSymbol.Value, value, PaperVenue.VenueName), c => c.PaperPriceJson);
            else
                context.IO.Out.WriteLine($"{parsedSymbol} mid price on paper is now {Output.Dec(value)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteBalances(CliIO io, ClientId tenant, IReadOnlyDictionary<string, decimal> balances, bool json)
    {
        if (json)
        {
            Output.Json(io, new PaperBalancesJson(tenant.Value, PaperVenue.VenueName,
                balances.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => new BalanceJson(b.Key, b.Value)).ToList()),
                c => c.PaperBalancesJson);
            return;
        }
        io.Out.WriteLine($"Paper balances for client {tenant}:");
        foreach (var (asset, free) in balances.OrderBy(b => b.Key, StringComparer.Ordinal))
            io.Out.WriteLine($"  {asset,-6} {Output.Dec(free)}");
    }
}
