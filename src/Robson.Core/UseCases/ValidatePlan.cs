using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Ports;
using Robson.Core.Validation;

namespace Robson.Core.UseCases;

/// <summary>
/// The paper-trading stage: runs every validator against the plan, the strategy, the venue's current rules,
/// book and balances, the tenant's trading state and today's figures, and stores the report bound to the
/// plan hash and strategy version, stamped with the venue's clock and with the mids it saw. Records an equity
/// snapshot (for drawdown) as it goes. Balances come only from venues that give them without credentials (paper),
/// or with `validate --with-account`, which lets the command load the venue's credentials to read the account.
/// </summary>
public sealed class ValidatePlan(RobsonEnvironment env)
{
    public static readonly IReadOnlyList<IPlanValidator> Validators =
    [
        new TenantIsolationValidator(),
        new PlanIntegrityValidator(),
        new TradingStateValidator(),
        new RiskConfigurationValidator(),
        new OperationValidator(),
        new SymbolRulesValidator(),
        new MarketSanityValidator(),
        new AccountValidator(),
        new StopLossValidator(),
        new DrawdownValidator(),
    ];

    /// <summary>A cancel only needs its tenant, its trading state, and an order that is still open.</summary>
    public static readonly IReadOnlyList<IPlanValidator> CancelValidators =
    [
        new TenantIsolationValidator(),
        new PlanIntegrityValidator(),
        new CancelTargetValidator(),
    ];

    /// <summary>A plan whose content no longer matches its hash is judged on nothing else: its content cannot be trusted.</summary>
    public static readonly IReadOnlyList<IPlanValidator> TamperedValidators =
    [
        new TenantIsolationValidator(),
        new PlanIntegrityValidator(),
    ];

    public Outcome<ValidationReport> Execute(ClientId clientId, string planId)
    {
        var plan = env.Store.FindPlan(clientId, planId);
        if (plan is null)
            return Outcome<ValidationReport>.Refuse($"plan '{planId}' not found");
        var strategy = plan.StrategyId is { } sid ? env.Store.FindStrategy(clientId, sid) : null;
        var local = env.Time.GetUtcNow();
        var tampering = PlanIntegrity.Check(plan);

        var venue = env.Venues.Find(plan.ClientId, plan.Venue);
        var market = venue is not null && plan.Kind != PlanKind.Cancel && tampering is null ? MarketReader.Read(venue, clientId, plan.Legs) : MarketSnapshot.Empty;
        // On a real venue its clock stamps the validation, so its age and TTL are measured on the clock LIVE uses.
        var now = venue?.Now() ?? local;

        using var tx = env.Store.BeginExclusive(clientId);
        if (market.Account is { } account)
            env.Store.RecordEquity(clientId, plan.Venue, account.Equity, now);
        var context = new ValidationContext(clientId, plan, strategy, market.Rules, market.Books)
        {
            Now = local,
            TakerFeeRate = venue?.TakerFeeRate ?? 0m,
            Account = market.Account,
            TradingStatus = env.Store.GetTradingState(clientId),
            Today = DailyUsageQuery.For(env.Store, clientId, plan.Venue, DateOnly.FromDateTime(now.UtcDateTime)),
            PeakEquity = env.Store.PeakEquity(clientId, plan.Venue),
            OrderStatuses = plan.Legs.Where(l => l.IsCancel).Select(l => env.Store.FindOrder(clientId, l.CancelsOrder!)).OfType<Execution.OrderRecord>()
                .ToDictionary(o => o.ClientOrderId, o => o.Status),
        };
        var validators = tampering is not null ? TamperedValidators : plan.Kind == PlanKind.Cancel ? CancelValidators : Validators;
        var issues = validators.SelectMany(v => v.Validate(context)).ToList();
        var report = new ValidationReport(env.Ids.NewId(), plan.Id, plan.Hash, clientId, strategy?.Id, strategy?.Version,
            ValidationReport.StatusOf(issues), issues, now) { Market = market.Mids() };
        env.Store.InsertValidation(report);
        if (tampering is not null)
            env.Store.Append(RefuseTamperedPlan.AuditEvent(env, clientId, tampering, "validate", now));
        env.Store.Append(new AuditEntry(clientId, AuditKinds.PlanValidated, report.Status.Wire(), plan.Id, plan.Hash,
            Details.Of(("validation_id", report.Id), ("failures", report.Failures), ("warnings", report.Warnings),
                ("codes", string.Join(",", issues.Select(i => i.Code)))), env.Actor, now));
        tx.Commit();
        return report;
    }
}
