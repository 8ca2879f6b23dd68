using System.CommandLine;
using System.Globalization;
using Robson.Core.Access;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Token;

/// <summary><c>robson token create|list|revoke</c>: the API tokens of <c>robson serve</c>, one tenant and one role each.</summary>
public static class TokenCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("token",
            "API tokens for `robson serve`: each carries one tenant and one role (" + string.Join(", ", Roles.All) + ").\n" +
            "The secret (rbs_ and 64 hex characters) is printed once, by create; Robson stores only its SHA-256.\n" +
            "Creating and revoking are audited (TOKEN_CREATED, TOKEN_REVOKED), never with the secret.");
        command.Subcommands.Add(Create(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Revoke(context));
        return command;
    }

    private static Command Create(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var role = new Option<string>("--role") { Description = $"{string.Join(" | ", Roles.All)}. Required." };
        var name = new Option<string>("--name") { Description = "What the token is for, 1-64 characters (default ROLE-ID). Audit events of its requests name it." };
        var expires = new Option<string>("--expires")
        {
            Description = $"Days until it expires, 1 to {ManageTokens.MaxExpiryDays} (default {ManageTokens.DefaultExpiryDays}).",
        };
        var json = CommonOptions.Json();
        var command = new Command("create", "Create a token for the tenant and print its secret, once.") { clientId, role, name, expires, json };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var tokenRole = Role(result.GetValue(role));
            var days = Days(result.GetValue(expires));
            var outcome = new ManageTokens(context.Environment(create: true)).Create(tenant, tokenRole, result.GetValue(name), days);
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            if (result.GetValue(json))
                Rendering.Output.Json(context.IO, TokenRenderer.CreatedJson(outcome.Value!), TokenJsonContext.Default.TokenCreatedJson);
            else
                context.IO.Out.Write(TokenRenderer.Created(outcome.Value!));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var command = new Command("list", "List the tenant's tokens: id, name, role, when created and when they expire, and their state (never a secret).")
            { clientId, json };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var tokens = new ManageTokens(context.Environment(create: false)).List(tenant);
            var now = context.IO.Time.GetUtcNow();
            if (result.GetValue(json))
                Rendering.Output.Json(context.IO, new TokenListJson(tenant.Value, tokens.Select(t => TokenRenderer.ToJson(t, now)).ToList()),
                    TokenJsonContext.Default.TokenListJson);
            else
                context.IO.Out.Write(TokenRenderer.List(tokens, tenant.ToString(), now));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var id = new Argument<string>("TOKEN_ID") { Description = "The token's id (from `robson token list`), not its secret." };
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var command = new Command("revoke", "Revoke a token of the tenant: it stops authenticating at once. Revoking it again changes nothing.")
            { id, clientId, json };
        command.SetAction(result =>
        {
            var tokenId = TokenId(result.GetValue(id));
            var tenant = Inputs.ClientId(result, clientId);
            var outcome = new ManageTokens(context.Environment(create: false)).Revoke(tenant, tokenId);
            if (outcome.IsError) throw new UsageException(outcome.InputError!, ErrorCodes.NotFound);
            var (token, already) = outcome.Value!;
            var now = context.IO.Time.GetUtcNow();
            if (result.GetValue(json))
                Rendering.Output.Json(context.IO, new TokenRevokedJson(tenant.Value, already ? "already_revoked" : "revoked", TokenRenderer.ToJson(token, now)),
                    TokenJsonContext.Default.TokenRevokedJson);
            else
                context.IO.Out.WriteLine(already
                    ? $"Token {token.Id} '{token.Name}' of client {tenant} was already revoked at {Rendering.Output.HumanTime(token.RevokedAt!.Value)}: nothing changed."
                    : $"Revoked token {token.Id} '{token.Name}' of client {tenant}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Role Role(string? text) =>
        text is null ? throw new UsageException($"--role is required ({string.Join(", ", Roles.All)})", ErrorCodes.MissingArgument)
        : Roles.TryParse(text, out var role) ? role
        : throw new UsageException($"unknown role '{text}' (use {string.Join(", ", Roles.All)})");

    private static int? Days(string? text) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= ManageTokens.MaxExpiryDays ? days
        : throw new UsageException($"--expires must be a whole number of days from 1 to {ManageTokens.MaxExpiryDays}, got '{text}'");

    /// <summary>Token ids are short lower-case hex; anything else (a secret pasted by mistake included) names no token.</summary>
    private static string TokenId(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 64 && text.All(char.IsAsciiLetterOrDigit) && !text.StartsWith(ManageTokens.SecretPrefix, StringComparison.Ordinal)
            ? text
            : throw new UsageException($"invalid token id '{(text?.StartsWith(ManageTokens.SecretPrefix, StringComparison.Ordinal) == true ? ManageTokens.SecretPrefix + "…" : text)}': " +
                                       "give the id from `robson token list`, not the secret");
}
