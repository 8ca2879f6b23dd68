using System.CommandLine;

namespace Robson.Cli.Commands.Serve;

/// <summary><c>robson serve [--urls URLS] [--tls-certificate FILE --tls-key FILE] [--insecure-http] [--concurrency N]</c></summary>
public static class ServeCommand
{
    public static Command Build(CliContext context)
    {
        var options = ServeOptions.Create();
        var json = new Option<bool>("--json") { Description = "A refusal (bad address, no server executable) as one JSON error document; the server itself logs JSON lines." };
        var command = new Command("serve",
            "Serve the workflow over HTTP under /v1 (the same use cases and JSON documents as the CLI's --json), with tokens\n" +
            "and roles (`robson token create`), an OpenAPI document at /openapi/v1.json, /healthz, /readyz and /metrics,\n" +
            "and a dashboard for people at / (sign in with a token).\n" +
            "Uses the same store as the CLI: ROBSON_HOME, or ROBSON_DATABASE_URL for several instances on one PostgreSQL.\n" +
            "Stops on SIGTERM or Ctrl-C after finishing the requests in flight.");
        foreach (var option in options.All) command.Options.Add(option);
        command.Options.Add(json);
        command.SetAction(result =>
        {
            var settings = options.Read(result);
            var server = ServerLauncher.Locate(context.IO.GetEnvironmentVariable);
            return ServerLauncher.Exec(server, settings.ToArgs(), context.IO.Err);
        });
        return command;
    }

    /// <summary>
    /// The server executable's own command line: the same options, read the same way, checked again (it can be started
    /// directly). Anything else is a <see cref="UsageException"/>.
    /// </summary>
    public static ServeSettings Parse(IReadOnlyList<string> args)
    {
        var options = ServeOptions.Create();
        var command = new Command(ServerLauncher.ExecutableName);
        foreach (var option in options.All) command.Options.Add(option);
        var parsed = command.Parse([.. args], new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0) throw new UsageException(parsed.Errors[0].Message);
        return options.Read(parsed);
    }

    /// <summary>The options both command lines take.</summary>
    private sealed record ServeOptions(Option<string> Urls, Option<string> Certificate, Option<string> Key, Option<bool> Insecure, Option<string> Concurrency)
    {
        public IEnumerable<Option> All => [Urls, Certificate, Key, Insecure, Concurrency];

        public static ServeOptions Create() => new(
            new Option<string>("--urls")
            {
                Description = $"Addresses to listen on, separated by ';'. Default: {ServeSettings.DefaultUrls} (this machine only). " +
                              "An address beyond loopback needs https:// with --tls-certificate and --tls-key, or --insecure-http.",
            },
            new Option<string>("--tls-certificate") { Description = "PEM certificate (chain) for https:// addresses." },
            new Option<string>("--tls-key") { Description = "PEM private key of --tls-certificate." },
            new Option<bool>("--insecure-http")
            {
                Description = "Allow plain http:// on a non-loopback address (only behind a TLS proxy you run: tokens travel in every request).",
            },
            new Option<string>("--concurrency")
            {
                Description = $"Requests run at once (default {ServeSettings.DefaultConcurrency}); more wait for a slot. Each running request holds up to two database connections.",
            });

        public ServeSettings Read(ParseResult result) =>
            ServeSettings.Create(result.GetValue(Urls), result.GetValue(Certificate), result.GetValue(Key), result.GetValue(Insecure))
                with { Concurrency = ServeSettings.ParseConcurrency(result.GetValue(Concurrency)) };
    }
}
