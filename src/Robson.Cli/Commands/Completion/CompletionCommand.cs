using System.CommandLine;

namespace Robson.Cli.Commands.Completion;

/// <summary><c>robson completion bash|zsh|fish</c>: prints a shell completion script for every command and option.</summary>
public static class CompletionCommand
{
    public static Command Build(CliContext context)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or fish." };
        var json = CommonOptions.Json();
        var command = new Command("completion",
            "Print a completion script for bash, zsh or fish. Commands and options complete on Tab; nothing is run to complete.\n" +
            "bash: `source <(robson completion bash)` in ~/.bashrc. zsh: `source <(robson completion zsh)` in ~/.zshrc.\n" +
            "fish: `robson completion fish > ~/.config/fish/completions/robson.fish`.")
        {
            shell, json,
        };
        command.SetAction(result =>
        {
            var name = result.GetValue(shell)?.Trim().ToLowerInvariant();
            if (name is null || !CompletionScripts.Shells.Contains(name))
                throw new UsageException($"SHELL must be bash, zsh or fish, got '{result.GetValue(shell)}'");
            var script = CompletionScripts.For(name, CompletionNode.Of(CommandTable.Build(context)));
            if (result.GetValue(json))
                Rendering.Output.Json(context.IO, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("shell", name);
                    w.WriteString("script", script);
                    w.WriteEndObject();
                });
            else
                context.IO.Out.Write(script);
            return ExitCodes.Success;
        });
        return command;
    }
}
