using Robson.Core.Domain;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>LIVE accepts only the latest validation of a plan: which one is latest, and what it said, must come back exactly.</summary>
public abstract class ValidationStoreContract(TestDatabase database) : StoreContract(database)
{
    [Fact]
    public void LatestValidation_ReturnsTheReportAsStored()
    {
        var report = Validation("val-1", "plan-1", Noon);
        Store.InsertValidation(report);

        var found = Store.LatestValidation(Tenant, "plan-1")!;

        Assert.Equal((report.Id, report.PlanHash, report.StrategyId, report.StrategyVersion, report.Status, report.ValidatedAt),
            (found.Id, found.PlanHash, found.StrategyId, found.StrategyVersion, found.Status, found.ValidatedAt));
        var issue = Assert.Single(found.Issues);
        Assert.Equal(("MAX_POSITION_MISSING", IssueSeverity.Warning, "no max position"), (issue.Code, issue.Severity, issue.Message));
        Assert.Equal(report.Issues[0].Details, issue.Details);
        Assert.Equal(report.Market, found.Market);
    }

    [Fact]
    public void LatestValidation_IsTheMostRecentByTime_NotByInsertOrder()
    {
        Store.InsertValidation(Validation("val-new", "plan-1", Noon, ValidationStatus.Fail));
        Store.InsertValidation(Validation("val-old", "plan-1", Noon.AddTicks(-1), ValidationStatus.Pass));

        Assert.Equal("val-new", Store.LatestValidation(Tenant, "plan-1")!.Id);
    }

    [Fact]
    public void LatestValidation_OfAPlanNeverValidated_IsNull()
    {
        Store.InsertValidation(Validation("val-1", "plan-1", Noon));

        Assert.Null(Store.LatestValidation(Tenant, "plan-2"));
    }
}
