using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

public sealed class TenantIsolationValidatorTests
{
    [Fact]
    public void Validate_OwnPlanAndStrategy_RaisesNothing()
    {
        Assert.Empty(new TenantIsolationValidator().Validate(ValidationContexts.For(Plan())));
    }

    [Fact]
    public void Validate_PlanOfAnotherTenant_FailsTenantMismatch()
    {
        var context = ValidationContexts.For(Plan()) with { RequestingClient = OtherClient, Strategy = Strategy() with { ClientId = OtherClient } };

        var issue = Assert.Single(new TenantIsolationValidator().Validate(context));

        Assert.Equal(ValidationCodes.TenantMismatch, issue.Code);
        Assert.Equal("2", issue.Details["client_id"]);
    }

    [Fact]
    public void Validate_StrategyOfAnotherTenant_FailsTenantMismatch()
    {
        var context = ValidationContexts.For(Plan(), Strategy() with { ClientId = OtherClient });

        Assert.Equal(ValidationCodes.TenantMismatch, Assert.Single(new TenantIsolationValidator().Validate(context)).Code);
    }
}
