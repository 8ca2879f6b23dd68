using Robson.Core.Domain;

namespace Robson.Core.Guards;

/// <summary>One guard's verdict. Every guard is evaluated and reported, so a blocked user sees all reasons at once.</summary>
public sealed record GuardResult(string Name, bool Passed, string Message, IReadOnlyDictionary<string, string> Details)
{
    public static GuardResult Pass(string name, string message, params (string, object?)[] details) =>
        new(name, true, message, Domain.Details.Of(details));

    public static GuardResult Fail(string name, string message, params (string, object?)[] details) =>
        new(name, false, message, Domain.Details.Of(details));
}
