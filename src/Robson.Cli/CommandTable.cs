using System.CommandLine;
using Robson.Cli.Commands.Audit;
using Robson.Cli.Commands.Execute;
using Robson.Cli.Commands.Paper;
using Robson.Cli.Commands.Plan;
using Robson.Cli.Commands.Analytics;
using Robson.Cli.Commands.Report;
using Robson.Cli.Commands.Strategy;
using Robson.Cli.Commands.TradingState;
using Robson.Cli.Commands.Validate;

namespace Robson.Cli;

/// <summary>
/// Every top-level command by name. Start-up builds only the one the command line names (a DRY-RUN need not
/// construct the other commands' options); help, suggestions and completion build them all.
/// </summary>
public static class CommandTable
{
    public const string Description =
        "Robson turns trading intent into orders without accidents: plan -> validate -> execute (DRY-RUN by default).\n" +
        "State lives in ROBSON_HOME (default ~/.robson), or in PostgreSQL when ROBSON_DATABASE_URL is set (see `robson db --help`).\n" +
        "ROBSON_CLIENT_ID, when set, is the tenant of commands run without --client-id.\n" +
        "Exit codes: 0 success, 1 blocked/failed, 2 usage or input error. --json: one JSON document on stdout, errors included.";

    private static readonly (string Name, Func<CliContext, Command> Build)[] TopLevel =
    [
        ("strategy", StrategyCommand.Build),
        ("plan", PlanCommand.Build),
        ("plans", PlansCommand.Build),
        ("validate", ValidateCommand.Build),
        ("execute", ExecuteCommand.Build),
        ("status", Commands.Status.StatusCommand.Build),
        ("positions", Commands.Status.StatusCommand.BuildPositions),
        ("market", Commands.Market.MarketCommand.Build),
        ("paper", PaperCommand.Build),
        ("halt", TradingStateCommands.Halt),
        ("reduce-only", TradingStateCommands.ReduceOnly),
        ("resume", TradingStateCommands.Resume),
        ("venue", Commands.Venue.VenueCommand.Build),
        ("token", Commands.Token.TokenCommand.Build),
        ("webhook", Commands.Webhook.WebhookCommand.Build),
        ("reconcile", Commands.Reconcile.ReconcileCommand.Build),
        ("orders", Commands.Reconcile.ReconcileCommand.BuildOrders),
        ("protect", Commands.Protect.ProtectCommand.Build),
        ("report", ReportCommand.Build),
        ("analytics", AnalyticsCommand.Build),
        ("executions", Commands.Executions.ExecutionsCommand.Build),
        ("fills", Commands.Fills.FillsCommand.Build),
        ("audit", AuditCommand.Build),
        ("db", Commands.Db.DbCommand.Build),
        ("serve", Commands.Serve.ServeCommand.Build),
        ("mcp", Commands.Mcp.McpCommand.Build),
        ("completion", Commands.Completion.CompletionCommand.Build),
    ];

    public static IEnumerable<string> Names => TopLevel.Select(c => c.Name);

    /// <summary>The root with every command, or only <paramref name="only"/> when it names one.</summary>
    public static RootCommand Build(CliContext context, string? only = null) => (RootCommand)Build(context, only, help: true);

    /// <summary>
    /// The root for running a command: without <paramref name="help"/> a plain command named robson, because the
    /// RootCommand's help and version options read their descriptions through a ResourceManager and the executable's
    /// name through reflection, a tenth of a cold DRY-RUN. Help (and any parse error, which suggests) uses the full root.
    /// </summary>
    public static Command Build(CliContext context, string? only, bool help)
    {
        var root = help ? new RootCommand(Description) : new Command("robson", Description);
        var named = TopLevel.Where(c => c.Name == only).ToArray();
        foreach (var (_, build) in named.Length > 0 ? named : TopLevel)
            root.Subcommands.Add(build(context));
        if (context.IO.GetEnvironmentVariable(CommonOptions.ClientIdVariable) is { Length: > 0 } tenant)
            DefaultClientId(root, tenant);
        return root;
    }

    /// <summary>ROBSON_CLIENT_ID as the value of every --client-id left out; a flag given wins.</summary>
    private static void DefaultClientId(Command command, string tenant)
    {
        foreach (var option in command.Options.OfType<CommonOptions.TenantOption>())
            option.DefaultValueFactory = _ => tenant.Trim();
        foreach (var sub in command.Subcommands)
            DefaultClientId(sub, tenant);
    }
}
