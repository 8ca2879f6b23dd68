using Robson.Core.Plans;

namespace Robson.Core.Tests;

/// <summary>Dependencies point inward: the domain references the base class library only, never an I/O package.</summary>
public sealed class ArchitectureTests
{
    private static bool IsBaseClassLibrary(string name) =>
        name == "System" || name.StartsWith("System.", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal)
        || name is "netstandard" or "mscorlib";

    [Fact]
    public void RobsonCore_ReferencesOnlyTheBaseClassLibrary()
    {
        var referenced = typeof(Plan).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(referenced);
        Assert.All(referenced, name => Assert.True(IsBaseClassLibrary(name), $"Robson.Core references {name}"));
    }
}
