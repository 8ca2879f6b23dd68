using System.Text.Json;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Ports;

namespace Robson.Venues.Binance;

/// <summary>
/// What became of an order request (BINANCE.md "Errors"): a 2XX is the venue's answer; every 4XX (429 and 418
/// included) was refused as it came, so nothing was placed (REJECTED); a 5XX (503 -1008 included), -1006, -1007 or no
/// answer at all leaves the outcome unknown, and the order is looked up by client order id, never re-sent, until the
/// venue could no longer place it: its matching engine checks the request's timestamp + recvWindow again, and the
/// request was signed with the time the order was marked SENT.
/// </summary>
public sealed partial class BinanceVenue
{
    /// <summary>Allowance on top of the measured clock uncertainty: the local clock's resolution and drift between measurements.</summary>
    internal static readonly TimeSpan ClockMargin = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// sent_at + recvWindow + the clock uncertainty: the engine drops a request whose timestamp (sent_at + the measured
    /// offset) is older than recvWindow by the server's clock, and the offset is known to within half the round trip it
    /// was measured with (plus <see cref="ClockMargin"/>).
    /// </summary>
    public DateTimeOffset NotPlacedAfter(DateTimeOffset sentAt) => sentAt + OrderWindow + _http.ClockUncertainty + ClockMargin;

    /// <summary>Sends a new order (or order list) once, and reads what became of it.</summary>
    private VenueOrderResult PlaceOnce(string path, List<(string, string)> parameters, DateTimeOffset? sentAt,
        Func<JsonElement, VenueOrderResult> answer, Func<VenueOrderResult?> lookup)
    {
        var signedAt = sentAt ?? DateTimeOffset.MinValue;
        BinanceReply reply;
        try
        {
            // Without a SENT time, "now" is taken once the clock offset is known: measuring it after would age the timestamp.
            if (sentAt is null)
            {
                _http.ServerNow();
                signedAt = _time.GetUtcNow();
            }
            reply = _http.SendOrder(path, parameters, signedAt);
        }
        catch (Exception e) when (e is VenueUnavailableException or VenueConfigurationException)
        {
            return Rejected("not sent: " + e.Message); // refused before the request left (ban, open circuit, no credentials, no clock)
        }
        catch (BinanceTransportException e)
        {
            return Resolve(lookup, signedAt, e.Message);
        }

        if (reply.IsSuccess) return answer(reply.Body);
        if (reply.OutcomeUnknown) return Resolve(lookup, signedAt, reply.Describe());
        return Rejected(reply.Code == -1021
            ? reply.Describe() + " (refused for its timestamp, so not placed; the clock offset is measured again for the next order)"
            : reply.Describe());
    }

    private static VenueOrderResult Rejected(string reason) => new(OrderStatus.Rejected, null, [], reason);

    /// <summary>
    /// The outcome is unknown: look the order up by client order id with back-off (never re-send it) until its deadline,
    /// <see cref="NotPlacedAfter"/>(signed at), has passed. Found: its state. Not found by a lookup sent after the deadline:
    /// NOT_PLACED, since the engine would refuse it now. A lookup that fails: UNKNOWN, for reconcile to settle. The time
    /// left is taken from the clock once and then measured with the TimeProvider's timestamp, so a wall-clock jump
    /// cannot cut the wait short.
    /// </summary>
    private VenueOrderResult Resolve(Func<VenueOrderResult?> lookup, DateTimeOffset signedAt, string why)
    {
        DateTimeOffset deadline;
        try
        {
            deadline = NotPlacedAfter(signedAt);
        }
        catch (VenueUnavailableException e)
        {
            return Unknown($"{why}; the venue's clock cannot be read: {e.Message}");
        }
        var untilDeadline = deadline - _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var delay = _options.RetryBaseDelay;
        while (true)
        {
            var askedAfter = _time.GetElapsedTime(started);
            VenueOrderResult? found;
            try
            {
                found = lookup();
            }
            catch (Exception e) when (e is VenueUnavailableException or BinanceTransportException)
            {
                return Unknown($"{why}; lookup failed: {e.Message}");
            }
            if (found is not null)
                return found with { Reason = $"outcome was unknown ({why}); found on the venue by client order id" };
            if (askedAfter > untilDeadline)
                return new VenueOrderResult(OrderStatus.NotPlaced, null, [],
                    $"not placed: outcome was unknown ({why}), and the venue still had no such order after its deadline ({deadline:HH:mm:ss.fff} UTC: signed at {signedAt:HH:mm:ss.fff} + the {OrderWindow.TotalMilliseconds:0} ms recvWindow + the clock uncertainty); its engine refuses it from then on");
            var wait = untilDeadline - _time.GetElapsedTime(started) + TimeSpan.FromMilliseconds(20);
            Thread.Sleep(wait > TimeSpan.Zero && wait < delay ? wait : delay);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.TicksPerSecond));
        }
    }

    private static VenueOrderResult Unknown(string why) => new(OrderStatus.Unknown, null, [], why + " — run `robson reconcile`");

    /// <summary>
    /// A FULL answer to a new order. Its fills are taken when they add up to what it executed; otherwise (the answer
    /// lists fewer) the order's trades are read. If those cannot be read in full, the order is UNKNOWN: closing it on
    /// fewer fills than it executed would understate the position, so reconcile reads it again.
    /// </summary>
    private VenueOrderResult OrderAnswer(JsonElement order, Symbol symbol, string clientOrderId)
    {
        var status = BinanceJson.Status(BinanceJson.Str(order, "status"));
        var orderId = BinanceJson.Str(order, "orderId");
        var executed = BinanceJson.Dec(order, "executedQty");
        var fills = BinanceJson.Fills(order);
        if (fills.Sum(f => f.Quantity) == executed) return new VenueOrderResult(status, orderId, fills, null);
        try
        {
            return new VenueOrderResult(status, orderId, _trades.ReadAll(symbol, orderId, executed, clientOrderId), null);
        }
        catch (VenueUnavailableException e)
        {
            return new VenueOrderResult(OrderStatus.Unknown, orderId, [], $"placed ({status}), but its fills are not known in full: {e.Message} — run `robson reconcile`");
        }
    }
}
