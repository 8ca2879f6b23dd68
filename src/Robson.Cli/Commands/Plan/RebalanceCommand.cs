using System.CommandLine;
using Robson.Core.Domain;
using Robson.Core.UseCases;
using Robson.Venues;

namespace Robson.Cli.Commands.Plan;

/// <summary><c>robson plan rebalance --target BTC:50,ETH:30,USDT:20 --client-id N --strategy-id ID [--venue NAME] [--json]</c></summary>
public static class RebalanceCommand
{
    public static Command Build(CliContext context)
    {
        var target = new Option<string>("--target") { Description = "Target allocation as ASSET:PERCENT,... summing to 100 (e.g. BTC:50,ETH:30,USDT:20). Assets held but not named go to 0." };
        var clientId = CommonOptions.ClientId();
        var strategyId = new Option<string>("--strategy-id") { Description = "Strategy whose limits and policy apply. Required." };
        var venue = new Option<string>("--venue") { Description = $"Venue name. Default: {VenueDirectory.DefaultVenue}." };
        var json = CommonOptions.Json();
        var command = new Command("rebalance",
            "Plan the market orders that move the tenant's holdings to a target allocation, at current prices (sells first,\n" +
            "quantities rounded down to each symbol's step). Validate and execute it like any plan; limits count every leg.")
        {
            target, clientId, strategyId, venue, json,
        };
        command.SetAction(result =>
        {
            var targets = ParseTargets(result.GetValue(target));
            var tenant = Inputs.ClientId(result, clientId);
            var strategy = Inputs.OptionalId(result, strategyId) ?? throw new UsageException("--strategy-id is required for a rebalance");
            var outcome = new CreateRebalancePlan(context.Environment(create: true))
                .Execute(new RebalanceRequest(tenant, targets, strategy, result.GetValue(venue) ?? VenueDirectory.DefaultVenue));
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            var (plan, notes) = outcome.Value;
            PlanRenderer.Write(context.IO, plan, result.GetValue(json), notes);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>ASSET:PERCENT pairs: assets unique, percents plain decimals ≥ 0, summing to exactly 100.</summary>
    public static Dictionary<string, decimal> ParseTargets(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new UsageException("--target is required, e.g. --target BTC:50,ETH:30,USDT:20");
        var targets = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split(':');
            if (pieces.Length != 2 || pieces[0].Length == 0 || !pieces[0].All(char.IsAsciiLetterOrDigit))
                throw new UsageException($"--target: '{part}' is not ASSET:PERCENT");
            var asset = pieces[0].ToUpperInvariant();
            var percent = Inputs.Require(Decimals.ParseNonNegative(pieces[1], $"--target percent of {asset}"));
            if (!targets.TryAdd(asset, percent)) throw new UsageException($"--target names {asset} twice");
        }
        var sum = targets.Values.Sum();
        if (sum != 100m) throw new UsageException($"--target percentages must sum to 100, got {Decimals.Canonical(sum)}");
        return targets;
    }
}
