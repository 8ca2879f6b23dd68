using System.CommandLine;
using Robson.Core.Domain;
using Robson.Core.UseCases;
using Robson.Venues;
using Symbol = Robson.Core.Domain.Symbol;

namespace Robson.Cli.Commands.Market;

/// <summary>
/// <c>robson market price|book|rules SYMBOL [--venue NAME] [--client-id N] [--json]</c>: the public market data validation
/// reads. Read only: it never loads credentials and never creates ROBSON_HOME (paper answers from its built-in symbols
/// and reference prices when there is no store yet).
/// </summary>
public static class MarketCommand
{
    public const int DefaultDepth = 5;
    public const int MaxDepth = 100; // what Robson reads from a venue's book (Binance's depth limit it asks for)

    public static Command Build(CliContext context)
    {
        var command = new Command("market", "Public market data of a venue: price, order book and the symbol's trading rules. Needs no credentials.");
        command.Subcommands.Add(Build(context, "price", "Last price, best bid and ask, mid and spread of SYMBOL, with the time and age of the book.",
            (result, read, symbol, venue, tenant, json) =>
                Answer(read.Quote(tenant, venue, symbol), q => MarketRenderer.Price(context.IO, q, json))));
        var depth = new Option<string>("--depth") { Description = $"Levels a side, 1 to {MaxDepth}. Default: {DefaultDepth}." };
        var book = Build(context, "book", "The best levels of SYMBOL's order book, bids and asks.",
            (result, read, symbol, venue, tenant, json) =>
            {
                var levels = Inputs.OptionalPositiveInt(result, depth) ?? DefaultDepth;
                if (levels > MaxDepth) throw new UsageException($"--depth must be between 1 and {MaxDepth}, got {levels}");
                return Answer(read.Book(tenant, venue, symbol, levels), q => MarketRenderer.Book(context.IO, q, levels, json));
            });
        book.Options.Add(depth);
        command.Subcommands.Add(book);
        command.Subcommands.Add(Build(context, "rules", "SYMBOL's trading rules as validation checks them: status, tick and step sizes, minimums, every filter.",
            (result, read, symbol, venue, tenant, json) =>
                Answer(read.Rules(tenant, venue, symbol), r => MarketRenderer.Rules(context.IO, r.Venue, r.Rules, json))));
        return command;
    }

    private delegate int MarketAction(ParseResult result, ReadMarketData read, Symbol symbol, string venue, ClientId? tenant, bool json);

    private static Command Build(CliContext context, string name, string description, MarketAction action)
    {
        var symbol = new Argument<string>("SYMBOL") { Description = "Trading pair, e.g. BTCUSDT." };
        var venue = new Option<string>("--venue") { Description = $"Venue name. Default: {VenueDirectory.DefaultVenue} (local simulated exchange)." };
        var clientId = new Option<string>("--client-id") { Description = "Tenant id: needed for a venue a tenant added (`robson venue add`), not for paper." };
        var json = CommonOptions.Json();
        var command = new Command(name, description) { symbol, venue, clientId, json };
        command.SetAction(result =>
        {
            var parsed = Inputs.Require(Symbol.Parse(result.GetValue(symbol)));
            ClientId? tenant = result.GetValue(clientId) is null ? null : Inputs.ClientId(result, clientId);
            // Public data only: credentials stay unloaded (AllowCredentials is never set here) and no store is created.
            var read = new ReadMarketData(context.Environment(create: false));
            return action(result, read, parsed, result.GetValue(venue) ?? VenueDirectory.DefaultVenue, tenant, result.GetValue(json));
        });
        return command;
    }

    private static int Answer<T>(Outcome<T> outcome, Action<T> write)
    {
        if (outcome.IsError) throw new UsageException(outcome.InputError!);
        write(outcome.Value!);
        return ExitCodes.Success;
    }
}
