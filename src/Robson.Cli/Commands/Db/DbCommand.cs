using System.CommandLine;
using Robson.Cli.Rendering;

namespace Robson.Cli.Commands.Db;

/// <summary><c>robson db status|migrate|copy</c>: which store this Robson uses and how far its schema is.</summary>
public static class DbCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("db",
            "The store: SQLite in ROBSON_HOME by default (robson.db, migrated by the first command that writes), or PostgreSQL\n" +
            "when ROBSON_DATABASE_URL is set (postgresql://user[:password]@host[:port]/database[?sslmode=...]; the password is\n" +
            "never printed). Several Robson processes and machines can share one PostgreSQL database; an operator migrates it with\n" +
            "`robson db migrate` and every command refuses it until then. Connect as an ordinary role that owns the database, not\n" +
            "a superuser: row-level security keeps each command inside the tenant of its --client-id, and superusers bypass it.");
        command.Subcommands.Add(Status(context));
        command.Subcommands.Add(Migrate(context));
        command.Subcommands.Add(DbCopyCommand.Build(context));
        return command;
    }

    private static Command Status(CliContext context)
    {
        var json = CommonOptions.Json();
        var command = new Command("status",
            "Show the engine, where the database is, the schema version applied and the one this Robson knows, the migrations\n" +
            "pending, and (PostgreSQL) the role connected as. Changes and creates nothing.") { json };
        command.SetAction(result =>
        {
            var status = context.StoreTarget.Status();
            if (result.GetValue(json))
                Output.Json(context.IO, DbRenderer.ToJson(status), DbJsonContext.Default.DbStatusJson);
            else
            {
                DbRenderer.Write(context.IO.Out, status);
                foreach (var warning in DbRenderer.Warnings(status))
                    context.IO.Err.WriteLine("robson: warning: " + warning);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Migrate(CliContext context)
    {
        var json = CommonOptions.Json();
        var command = new Command("migrate",
            "Apply the pending migrations in one transaction and print what was applied (nothing when up to date). On PostgreSQL\n" +
            "an advisory lock makes a second instance wait, then find nothing left to do. A database newer than this Robson is\n" +
            "refused (exit 2).") { json };
        command.SetAction(result =>
        {
            var outcome = context.StoreTarget.Migrate();
            if (result.GetValue(json))
                Output.Json(context.IO, DbRenderer.ToJson(outcome), DbJsonContext.Default.DbMigrateJson);
            else
                DbRenderer.Write(context.IO.Out, outcome);
            return ExitCodes.Success;
        });
        return command;
    }
}
