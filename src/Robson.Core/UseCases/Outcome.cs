namespace Robson.Core.UseCases;

/// <summary>
/// A use case's answer: a value, or an input error (unknown plan, unknown symbol...) that the CLI reports
/// with exit code 2. Expected failures are values; exceptions are for bugs and broken infrastructure.
/// </summary>
public readonly record struct Outcome<T>(T? Value, string? InputError)
{
    public bool IsError => InputError is not null;

    public static Outcome<T> Ok(T value) => new(value, null);
    public static Outcome<T> Refuse(string error) => new(default, error);

    public static implicit operator Outcome<T>(T value) => Ok(value);
}
