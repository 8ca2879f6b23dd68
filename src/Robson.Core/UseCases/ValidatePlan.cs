using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Validation;

namespace Robson.Core.UseCases;

/// <summary>
/// The paper-trading stage: runs every validator against the plan, the strategy and the venue's current
/// rules and book, and stores the report bound to the plan hash and strategy version.
/// </summary>
public sealed class ValidatePlan(RobsonEnvironment env)
{
    public static readonly IReadOnlyList<IPlanValidator> Validators =
    [
        new TenantIsolationValidator(),
        new RiskConfigurationValidator(),
        new OperationValidator(),
        new SymbolRulesValidator(),
    ];

    public Outcome<ValidationReport> Execute(ClientId clientId, string planId)
    {
        var plan = env.Store.FindPlan(clientId, planId);
        if (plan is null)
            return Outcome<ValidationReport>.Refuse($"plan '{planId}' not found");
        var strategy = plan.StrategyId is { } sid ? env.Store.FindStrategy(clientId, sid) : null;

        var rules = new Dictionary<Symbol, SymbolRules>();
        var books = new Dictionary<Symbol, OrderBook>();
        if (env.Venues.Find(plan.Venue) is { } venue)
            foreach (var symbol in plan.Legs.Select(l => l.Symbol).Distinct())
            {
                if (venue.FindSymbol(symbol) is not { } symbolRules) continue;
                rules[symbol] = symbolRules;
                books[symbol] = venue.GetOrderBook(symbol);
            }

        var context = new ValidationContext(clientId, plan, strategy, rules, books);
        var issues = Validators.SelectMany(v => v.Validate(context)).ToList();
        var now = env.Time.GetUtcNow();
        var report = new ValidationReport(env.Ids.NewId(), plan.Id, plan.Hash, clientId, strategy?.Id, strategy?.Version,
            ValidationReport.StatusOf(issues), issues, now);

        using var tx = env.Store.BeginExclusive();
        env.Store.InsertValidation(report);
        env.Store.Append(new AuditEntry(clientId, AuditKinds.PlanValidated, report.Status.Wire(), plan.Id, plan.Hash,
            Details.Of(("validation_id", report.Id), ("failures", report.Failures), ("warnings", report.Warnings),
                ("codes", string.Join(",", issues.Select(i => i.Code)))), env.Actor, now));
        tx.Commit();
        return report;
    }
}
