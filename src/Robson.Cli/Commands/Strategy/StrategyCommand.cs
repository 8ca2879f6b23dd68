using System.CommandLine;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Strategy;

/// <summary><c>robson strategy create|show|list|set</c></summary>
public static class StrategyCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("strategy",
            "Manage strategies: risk configuration, daily limits and policy. Every change is a new version and is audited;\n" +
            "a validation made under an earlier version no longer authorises LIVE.");
        command.Subcommands.Add(Create(context));
        command.Subcommands.Add(Set(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(List(context));
        return command;
    }

    private static Command Create(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var name = new Option<string>("--name") { Description = "Unique name within the tenant. Required." };
        var json = CommonOptions.Json();
        var options = new StrategyOptions();
        var command = new Command("create", "Create a strategy and print its strategy_id. LIVE stays off unless --live-enabled.") { clientId, name, json };
        options.AddTo(command);
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var strategyName = result.GetValue(name) ?? throw new UsageException("--name is required");
            var changes = options.Read(result);
            var outcome = new ManageStrategies(context.Environment(create: true)).Create(tenant, strategyName, changes);
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            StrategyRenderer.Write(context.IO, outcome.Value!, result.GetValue(json), "Created");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Set(CliContext context)
    {
        var strategyId = new Argument<string>("STRATEGY_ID");
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var options = new StrategyOptions();
        var command = new Command("set", "Change a strategy's settings (only the options given change).") { strategyId, clientId, json };
        options.AddTo(command);
        command.SetAction(result =>
        {
            var id = Inputs.Id(result.GetValue(strategyId), "STRATEGY_ID");
            var tenant = Inputs.ClientId(result, clientId);
            var changes = options.Read(result);
            var outcome = new ManageStrategies(context.Environment(create: false)).Update(tenant, id, changes);
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            StrategyRenderer.Write(context.IO, outcome.Value!, result.GetValue(json), "Updated");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var strategyId = new Argument<string>("STRATEGY_ID");
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var command = new Command("show", "Show one strategy.") { strategyId, clientId, json };
        command.SetAction(result =>
        {
            var id = Inputs.Id(result.GetValue(strategyId), "STRATEGY_ID");
            var tenant = Inputs.ClientId(result, clientId);
            var strategy = context.Environment(create: false).Store.FindStrategy(tenant, id)
                           ?? throw new UsageException($"strategy {id} not found for client {tenant}");
            StrategyRenderer.Write(context.IO, strategy, result.GetValue(json), null);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var command = new Command("list", "List the tenant's strategies.") { clientId, json };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var strategies = context.Environment(create: false).Store.ListStrategies(tenant);
            StrategyRenderer.WriteList(context.IO, tenant, strategies, result.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }
}
