using Robson.Core.Audit;
using Robson.Core.Guards;
using Robson.Core.Validation;

namespace Robson.Core.Tests.Docs;

/// <summary>
/// The README cannot drift from the code: its audit events, validation codes, validators, guards and guard codes are
/// exactly the code's, both ways. The code's side comes from the catalogues the code itself uses (each checked against
/// its declared constants by its own test) and, for validators and guards, from every implementation in Robson.Core.
/// </summary>
public sealed class ReadmeCatalogueTests
{
    private static void AssertSame(string what, IEnumerable<string> inCode, IEnumerable<string> inReadme)
    {
        var code = inCode.ToHashSet(StringComparer.Ordinal);
        var readme = inReadme.ToHashSet(StringComparer.Ordinal);
        var undocumented = code.Except(readme).Order(StringComparer.Ordinal).ToList();
        var stale = readme.Except(code).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0 && stale.Count == 0,
            $"{what}: in the code but not in the README: [{string.Join(", ", undocumented)}]; " +
            $"in the README but not in the code: [{string.Join(", ", stale)}]");
    }

    /// <summary>Every concrete <typeparamref name="T"/> in Robson.Core, built with its parameterless constructor.</summary>
    private static IEnumerable<T> Implementations<T>() => typeof(IExecutionGuard).Assembly.GetTypes()
        .Where(t => typeof(T).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .Select(t => (T)Activator.CreateInstance(t)!);

    [Fact]
    public void AuditEvents_AreExactlyTheCodesKinds() =>
        AssertSame("audit events", AuditKinds.All, Readme.Table("event", "recorded when").SelectMany(row => Readme.Codes(row[0])));

    [Fact]
    public void ValidationCodes_AreExactlyTheCodesCatalogue() =>
        AssertSame("validation codes", ValidationCodes.All, Readme.Table("validator", "codes").SelectMany(row => Readme.Codes(row[1])));

    [Fact]
    public void Validators_AreExactlyTheCodesValidators() =>
        AssertSame("validators", Implementations<IPlanValidator>().Select(v => v.Name),
            Readme.Table("validator", "codes").Select(row => Readme.FirstWord(row[0])));

    [Fact]
    public void Guards_AreExactlyTheCodesGuards() =>
        AssertSame("guards", Implementations<IExecutionGuard>().Select(g => g.Name),
            Readme.Table("guard", "DRY-RUN", "LIVE").Select(row => Readme.FirstWord(row[0])));

    [Fact]
    public void GuardCodes_AreExactlyTheCodesCatalogue_UnderExistingGuards()
    {
        var rows = Readme.Table("guard", "codes");

        AssertSame("guard codes", GuardCodes.All, rows.SelectMany(row => Readme.Codes(row[1])));
        AssertSame("guards of the guard code table", Implementations<IExecutionGuard>().Select(g => g.Name), rows.Select(row => Readme.FirstWord(row[0])));
    }
}
