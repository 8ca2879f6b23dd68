using Robson.Core.Domain;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

public sealed class PlanIntegrityValidatorTests
{
    private readonly PlanIntegrityValidator _validator = new();

    [Fact]
    public void Validate_UntouchedPlan_NoIssue() => Assert.Empty(_validator.Validate(ValidationContexts.For(Plan())));

    [Fact]
    public void Validate_ContentChangedAfterHashing_FailsWithPlanTampered()
    {
        var issue = Assert.Single(_validator.Validate(ValidationContexts.For(Plan() with { Legs = [LimitBuy(0.01m)] })));

        Assert.Equal(ValidationCodes.PlanTampered, issue.Code);
        Assert.Equal(IssueSeverity.Failure, issue.Severity);
        Assert.Equal(Plan().Hash, issue.Details["stored_hash"]);
    }
}
