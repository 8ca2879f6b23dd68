using Robson.Core.Domain;

namespace Robson.Core.Reporting;

/// <summary>
/// What the sells of one position (a symbol on one venue) realised on one UTC day, and how many sell fills there were
/// (at least one: a day without a sell has no row). Kept by the store as each fill is recorded, on the day of the fill.
/// </summary>
public sealed record RealisedDay(string Venue, Symbol Symbol, DateOnly Day, decimal Pnl, int Sales)
{
    public VenueSymbol Position => new(Venue, Symbol);
}
