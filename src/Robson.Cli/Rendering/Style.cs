namespace Robson.Cli.Rendering;

/// <summary>ANSI colour for the human report, or plain text when colour is off (not a terminal, NO_COLOR).</summary>
public sealed class Style(bool colour)
{
    public string Ok(string text) => Paint("32", text);
    public string Bad(string text) => Paint("31", text);
    public string Warn(string text) => Paint("33", text);
    public string Bold(string text) => Paint("1", text);
    public string Dim(string text) => Paint("2", text);

    private string Paint(string code, string text) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
