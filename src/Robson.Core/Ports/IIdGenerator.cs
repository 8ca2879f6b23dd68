namespace Robson.Core.Ports;

/// <summary>Randomness is injected, so tests can make identifiers predictable.</summary>
public interface IIdGenerator
{
    /// <summary>A short unique identifier, e.g. 12 lower-case hex characters.</summary>
    string NewId();
}
