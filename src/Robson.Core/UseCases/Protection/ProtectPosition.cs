using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Core.UseCases.Protection;

/// <summary>
/// <c>robson protect</c>: places the protective order of a filled entry again, once the cause of its failure is fixed
/// (or places it for the first time, after a crash). Never a second one: an entry whose protective order rests or is
/// in flight is reported as it is.
/// </summary>
public sealed class ProtectPosition(RobsonEnvironment env)
{
    public Outcome<ProtectionReport> Run(ClientId clientId, string clientOrderId)
    {
        var entry = env.Store.FindOrder(clientId, clientOrderId);
        if (entry is null)
            return Outcome<ProtectionReport>.Refuse($"order '{clientOrderId}' not found for client {clientId}");
        if (entry.Role != OrderRole.Entry)
            return Outcome<ProtectionReport>.Refuse($"order '{clientOrderId}' is a {entry.Role} order: name the entry it protects ({entry.Protects})");
        if (entry.Side != OrderSide.Buy || entry.StopPrice is null)
            return Outcome<ProtectionReport>.Refuse($"order '{clientOrderId}' is not a buy with a stop-loss: there is nothing to protect it with");
        if (entry.IsUnresolved)
            return Outcome<ProtectionReport>.Refuse($"order '{clientOrderId}' is {entry.Status}: run `robson reconcile --client-id {clientId}` first");
        if (env.Venues.Find(clientId, entry.Venue) is not { } venue)
            return Outcome<ProtectionReport>.Refuse($"order '{clientOrderId}' is on venue '{entry.Venue}', which is not configured");
        var protect = new ProtectEntry(env);
        return protect.Ensure(venue, entry, protect.SettingsFor(entry), retry: true);
    }
}
