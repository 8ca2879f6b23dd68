using System.Reflection;
using Robson.Core.Audit;

namespace Robson.Core.Tests.Audit;

/// <summary>The audit kind catalogue is a contract: All lists every declared kind once (the README test reads All).</summary>
public sealed class AuditKindsTests
{
    [Fact]
    public void All_ListsEveryDeclaredKind_Once()
    {
        var declared = typeof(AuditKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(AuditKinds.All.Count, AuditKinds.All.Distinct().Count());
        Assert.Equal(declared.Order(StringComparer.Ordinal), AuditKinds.All.Order(StringComparer.Ordinal));
    }
}
