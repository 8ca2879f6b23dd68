using System.Data.Common;
using Robson.Core.Domain;
using Robson.Core.Plans;
using Robson.Core.Validation;

namespace Robson.Storage.Sql;

public abstract partial class SqlStore
{
    private const string PlanColumns = "id, client_id, strategy_id, kind, venue, legs_json, created_at, hash, allocation_json";

    public void InsertPlan(Plan plan) =>
        Execute($"INSERT INTO plans ({PlanColumns}) VALUES (@id, @c, @s, @k, @v, @l, @t, @h, @a)",
            ("@id", plan.Id), ("@c", plan.ClientId.Value), ("@s", plan.StrategyId), ("@k", plan.Kind.Wire()), ("@v", plan.Venue),
            ("@l", StoredJson.Legs(plan.Legs)), ("@t", Text.Time(plan.CreatedAt)), ("@h", plan.Hash), ("@a", StoredJson.Allocation(plan.Allocation)));

    public Plan? FindPlan(ClientId clientId, string planId) =>
        Query($"SELECT {PlanColumns} FROM plans WHERE client_id = @c AND id = @id", ReadPlan, ("@c", clientId.Value), ("@id", planId)).FirstOrDefault();

    public IReadOnlyList<Plan> ListPlans(ClientId clientId) =>
        Query($"SELECT {PlanColumns} FROM plans WHERE client_id = @c ORDER BY created_at DESC, rowid DESC", ReadPlan, ("@c", clientId.Value));

    private static Plan ReadPlan(DbDataReader r) => new(
        r.GetString(0), ClientId.From(r.GetInt64(1)), r.NullableInt64(2), EnumText.ParsePlanKind(r.GetString(3)), r.GetString(4),
        StoredJson.ParseLegs(r.GetString(5)), Text.ParseTime(r.GetString(6)), r.GetString(7))
    {
        Allocation = StoredJson.ParseAllocation(r.NullableString(8)),
    };

    private const string ValidationColumns = "id, plan_id, plan_hash, client_id, strategy_id, strategy_version, status, issues_json, validated_at, market_json";

    public void InsertValidation(ValidationReport report) =>
        Execute($"INSERT INTO validations ({ValidationColumns}) VALUES (@id, @p, @h, @c, @s, @sv, @st, @i, @t, @m)",
            ("@id", report.Id), ("@p", report.PlanId), ("@h", report.PlanHash), ("@c", report.ClientId.Value), ("@s", report.StrategyId),
            ("@sv", report.StrategyVersion), ("@st", report.Status.Wire()), ("@i", StoredJson.Issues(report.Issues)), ("@t", Text.Time(report.ValidatedAt)), ("@m", StoredJson.Details(report.Market)));

    public ValidationReport? LatestValidation(ClientId clientId, string planId) =>
        Query($"SELECT {ValidationColumns} FROM validations WHERE client_id = @c AND plan_id = @p ORDER BY validated_at DESC, rowid DESC LIMIT 1",
            r => new ValidationReport(r.GetString(0), r.GetString(1), r.GetString(2), ClientId.From(r.GetInt64(3)), r.NullableInt64(4),
                r.IsDBNull(5) ? null : r.GetInt32(5), EnumText.ParseValidationStatus(r.GetString(6)), StoredJson.ParseIssues(r.GetString(7)),
                Text.ParseTime(r.GetString(8)))
            {
                Market = r.NullableString(9) is { } market ? StoredJson.ParseDetails(market) : Details.None,
            },
            ("@c", clientId.Value), ("@p", planId)).FirstOrDefault();
}
