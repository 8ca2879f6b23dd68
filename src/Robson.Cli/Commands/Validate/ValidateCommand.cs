using System.CommandLine;
using Robson.Core.Domain;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Validate;

/// <summary><c>robson validate PLAN_ID --client-id N [--json]</c></summary>
public static class ValidateCommand
{
    public static Command Build(CliContext context)
    {
        var planId = new Argument<string>("PLAN_ID") { Description = "The plan to validate." };
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var withAccount = new Option<bool>("--with-account")
        {
            Description = "Load the venue's credentials to read balances, so position size, drawdown and funds are checked now\n" +
                          "(without it a real venue's account is checked at LIVE only: ACCOUNT_UNAVAILABLE warning). Reads only.",
        };
        var command = new Command("validate",
            "Validate a plan (the paper-trading stage): tenant and trading state, the strategy's risk configuration, the order's\n" +
            "parameters, the venue's symbol filters, price collar, depth and slippage, balances and position size, stop-loss and\n" +
            "drawdown. Prints PASS / WARNING / FAIL with coded reasons and stores the result, bound to the plan's hash and the\n" +
            "strategy's version: LIVE accepts only a PASS or WARNING within the strategy's TTL. Exit 0 PASS/WARNING, 1 FAIL.")
        {
            planId, clientId, json, withAccount,
        };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            context.AllowCredentials = result.GetValue(withAccount); // only to read the account; validation never places or cancels
            var env = context.Environment(create: false);
            var outcome = new ValidatePlan(env).Execute(tenant, PlanIds.Resolve(env.Store, tenant, result.GetValue(planId)));
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            ValidationRenderer.Write(context.IO, outcome.Value!, result.GetValue(json));
            return outcome.Value!.Status == ValidationStatus.Fail ? ExitCodes.BlockedOrFailed : ExitCodes.Success;
        });
        return command;
    }
}
