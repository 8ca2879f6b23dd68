namespace Robson.Cli.Tests.Support.Tampering;

/// <summary>
/// The tampering `audit verify` must catch, in SQL both engines run: each lifts the append-only guards, changes one
/// tenant's trail and returns what the verdict must name (the position, or the record).
/// </summary>
public static class TamperScenarios
{
    private static string Newest(long client) => $"(SELECT MAX(position) FROM audit_events WHERE client_id = {client})";

    /// <summary>Changes the result of the event at <paramref name="position"/>.</summary>
    public static void EditEvent(StoreTamperer store, long client, long position)
    {
        store.DropAppendOnlyGuards();
        store.Sql($"UPDATE audit_events SET result = 'SUCCESS' WHERE client_id = {client} AND position = {position}");
    }

    public static void DeleteEvent(StoreTamperer store, long client, long position)
    {
        store.DropAppendOnlyGuards();
        store.Sql($"DELETE FROM audit_events WHERE client_id = {client} AND position = {position}");
    }

    /// <summary>Deletes the newest event of the tenant's chain; returns its position.</summary>
    public static long DeleteNewestEvent(StoreTamperer store, long client)
    {
        var position = store.Scalar<long>($"SELECT {Newest(client)}");
        DeleteEvent(store, client, position);
        return position;
    }

    /// <summary>
    /// Deletes the tenant's newest plan with everything that names it (its events, validations, executions, orders and
    /// fills): the records and events agree again, only the chain's witness remembers. Returns the plan id.
    /// </summary>
    public static string DeleteNewestPlanWithItsEvents(StoreTamperer store, long client)
    {
        var plan = store.Scalar<string>($"SELECT plan_id FROM audit_events WHERE client_id = {client} AND kind = 'PLAN_CREATED' ORDER BY position DESC LIMIT 1");
        store.DropAppendOnlyGuards();
        store.Sql(
            $"DELETE FROM fills WHERE client_id = {client} AND client_order_id IN (SELECT client_order_id FROM orders WHERE client_id = {client} AND plan_id = '{plan}')",
            $"DELETE FROM orders WHERE client_id = {client} AND plan_id = '{plan}'",
            $"DELETE FROM executions WHERE client_id = {client} AND plan_id = '{plan}'",
            $"DELETE FROM validations WHERE client_id = {client} AND plan_id = '{plan}'",
            $"DELETE FROM audit_events WHERE client_id = {client} AND plan_id = '{plan}'",
            $"DELETE FROM plans WHERE client_id = {client} AND id = '{plan}'");
        return plan;
    }

    /// <summary>Deletes one stored row (a plan, a validation, an order...) and leaves its events.</summary>
    public static void DeleteRow(StoreTamperer store, string table, string where)
    {
        store.DropAppendOnlyGuards();
        store.Sql($"DELETE FROM {table} WHERE {where}");
    }

    /// <summary>Swaps the positions of two events of the chain.</summary>
    public static void SwapEvents(StoreTamperer store, long client, long first, long second)
    {
        store.DropAppendOnlyGuards();
        store.Sql(
            $"UPDATE audit_events SET position = -1 WHERE client_id = {client} AND position = {first}",
            $"UPDATE audit_events SET position = {first} WHERE client_id = {client} AND position = {second}",
            $"UPDATE audit_events SET position = {second} WHERE client_id = {client} AND position = -1");
    }
}
