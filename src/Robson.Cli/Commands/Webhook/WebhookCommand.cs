using System.CommandLine;
using Robson.Core.UseCases;
using Robson.Core.Webhooks;

namespace Robson.Cli.Commands.Webhook;

/// <summary><c>robson webhook add|list|remove|dead-letters</c>: signed event notifications sent by <c>robson serve</c>.</summary>
public static class WebhookCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("webhook",
            "Webhooks: `robson serve` POSTs each event (" + string.Join(", ", WebhookEvents.All) + ") of the tenant to a URL, as signed JSON.\n" +
            "Events come from the audit trail, so those of CLI commands are sent too. A failed delivery is retried (after 1, 2, 4, 8, 16 s),\n" +
            "then kept as a dead letter; a webhook never blocks or slows trading. Delivery is at-least-once: after a server crash an\n" +
            "event may arrive twice (same id and Robson-Event-Id). Adding and removing are audited (WEBHOOK_ADDED, WEBHOOK_REMOVED).");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Remove(context));
        command.Subcommands.Add(DeadLetters(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var url = new Argument<string>("URL") { Description = "Where to POST events: https://… (plain http only to this machine, or with --insecure-http)." };
        var clientId = CommonOptions.ClientId();
        var events = new Option<string>("--events") { Description = $"Comma-separated events to send: {string.Join(",", WebhookEvents.All)}. Required." };
        var insecure = new Option<bool>("--insecure-http") { Description = "Allow plain http to another machine (events then travel in clear text)." };
        var json = CommonOptions.Json();
        var command = new Command("add",
            "Add a webhook for the tenant and print its signing secret (whsec_ and 64 hex characters), once.\n" +
            "Robson stores the secret, because the server signs every delivery with it (Robson-Signature: t=…,v1=HMAC-SHA256);\n" +
            "it is never shown again, logged or audited. Removing the webhook forgets it.")
            { url, clientId, events, insecure, json };
        command.SetAction(result =>
        {
            var target = result.GetValue(url) ?? "";
            var tenant = Inputs.ClientId(result, clientId);
            var names = WebhookEvents.TryParse(result.GetValue(events), out var problem) ?? throw new UsageException(problem!);
            if (WebhookUrl.Problem(target, result.GetValue(insecure)) is { } urlProblem) throw new UsageException(urlProblem);
            var outcome = new ManageWebhooks(context.Environment(create: true)).Add(tenant, target, names, result.GetValue(insecure));
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            if (result.GetValue(json))
                Rendering.Output.Json(context.IO, WebhookRenderer.AddedJson(outcome.Value!), WebhookJsonContext.Default.WebhookAddedJson);
            else
                context.IO.Out.Write(WebhookRenderer.Added(outcome.Value!));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var command = new Command("list", "List the tenant's webhooks: id, URL, events, when added, the last delivery's state and the dead letters (never the secret).")
            { clientId, json };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var webhooks = new ManageWebhooks(context.Environment(create: false)).List(tenant);
            if (result.GetValue(json))
                Rendering.Output.Json(context.IO, new WebhookListJson(tenant.Value, webhooks.Select(WebhookRenderer.ToJson).ToList()),
                    WebhookJsonContext.Default.WebhookListJson);
            else
                context.IO.Out.Write(WebhookRenderer.List(webhooks, tenant.ToString()));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var id = new Argument<string>("WEBHOOK_ID") { Description = "The webhook's id (from `robson webhook list`)." };
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var command = new Command("remove", "Remove a webhook of the tenant: nothing more is sent to it, its secret is forgotten; its dead letters stay listed.")
            { id, clientId, json };
        command.SetAction(result =>
        {
            var webhookId = WebhookId(result.GetValue(id));
            var tenant = Inputs.ClientId(result, clientId);
            var outcome = new ManageWebhooks(context.Environment(create: false)).Remove(tenant, webhookId);
            if (outcome.IsError) throw new UsageException(outcome.InputError!, ErrorCodes.NotFound);
            var removed = outcome.Value!;
            if (result.GetValue(json))
                Rendering.Output.Json(context.IO, new WebhookRemovedJson(tenant.Value, "removed", removed.Id, removed.Url),
                    WebhookJsonContext.Default.WebhookRemovedJson);
            else
                context.IO.Out.WriteLine($"Removed webhook {removed.Id} ({removed.Url}) of client {tenant}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command DeadLetters(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var command = new Command("dead-letters",
            $"List the tenant's failed deliveries, newest first: webhook, event, attempts ({DeliveryRetry.MaxAttempts} before giving up), last error, time.")
            { clientId, json };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var dead = new ManageWebhooks(context.Environment(create: false)).DeadLetters(tenant);
            if (result.GetValue(json))
                Rendering.Output.Json(context.IO, new DeadLetterListJson(tenant.Value, dead.Select(WebhookRenderer.ToJson).ToList()),
                    WebhookJsonContext.Default.DeadLetterListJson);
            else
                context.IO.Out.Write(WebhookRenderer.DeadLetters(dead, tenant.ToString()));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Webhook ids are short lower-case hex; anything else (a secret pasted by mistake included) names no webhook.</summary>
    private static string WebhookId(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 64 && text.All(char.IsAsciiLetterOrDigit)
            ? text
            : throw new UsageException($"invalid webhook id '{(text?.StartsWith(ManageWebhooks.SecretPrefix, StringComparison.Ordinal) == true ? ManageWebhooks.SecretPrefix + "…" : text)}': " +
                                       "give the id from `robson webhook list`");
}
