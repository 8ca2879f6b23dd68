namespace Robson.Core.Domain;

/// <summary>The result of parsing user input: a value, or the one-line reason it was refused.</summary>
public readonly record struct Parsed<T>(bool Success, T Value, string Error)
{
    public static Parsed<T> Ok(T value) => new(true, value, "");
    public static Parsed<T> Fail(string error) => new(false, default!, error);
}
