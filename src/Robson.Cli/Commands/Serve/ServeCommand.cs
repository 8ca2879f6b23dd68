using System.CommandLine;

namespace Robson.Cli.Commands.Serve;

/// <summary><c>robson serve [--urls URLS] [--tls-certificate FILE --tls-key FILE] [--insecure-http]</c></summary>
public static class ServeCommand
{
    public static Command Build(CliContext context)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';'. Default: {ServeSettings.DefaultUrls} (this machine only). " +
                          "An address beyond loopback needs https:// with --tls-certificate and --tls-key, or --insecure-http.",
        };
        var certificate = new Option<string>("--tls-certificate") { Description = "PEM certificate (chain) for https:// addresses." };
        var key = new Option<string>("--tls-key") { Description = "PEM private key of --tls-certificate." };
        var insecure = new Option<bool>("--insecure-http")
        {
            Description = "Allow plain http:// on a non-loopback address (only behind a TLS proxy you run: tokens travel in every request).",
        };
        var concurrency = new Option<string>("--concurrency")
        {
            Description = $"Requests run at once (default {ServeSettings.DefaultConcurrency}); more wait for a slot. Each running request holds up to two database connections.",
        };
        var json = new Option<bool>("--json") { Description = "A refusal (bad address, no server executable) as one JSON error document; the server itself logs JSON lines." };
        var command = new Command("serve",
            "Serve the workflow over HTTP under /v1 (the same use cases and JSON documents as the CLI's --json), with tokens\n" +
            "and roles (`robson token create`), an OpenAPI document at /openapi/v1.json, /healthz, /readyz and /metrics.\n" +
            "Uses the same store as the CLI: ROBSON_HOME, or ROBSON_DATABASE_URL for several instances on one PostgreSQL.\n" +
            "Stops on SIGTERM or Ctrl-C after finishing the requests in flight.")
        {
            urls, certificate, key, insecure, concurrency, json,
        };
        command.SetAction(result =>
        {
            var settings = ServeSettings.Create(result.GetValue(urls), result.GetValue(certificate), result.GetValue(key), result.GetValue(insecure))
                with { Concurrency = ServeSettings.ParseConcurrency(result.GetValue(concurrency)) };
            var server = ServerLauncher.Locate(context.IO.GetEnvironmentVariable);
            return ServerLauncher.Exec(server, settings.ToArgs(), context.IO.Err);
        });
        return command;
    }
}
