namespace Robson.Core.Domain;

/// <summary>
/// Which venues' books a figure counts. Books (orders, fills, positions, cost basis, realised P&amp;L, equity) are kept
/// per (tenant, venue), and paper never mixes with real money: the daily limits judged for an order on the paper
/// venue count the paper venue only (<see cref="Paper"/>); those judged for an order on a real venue count every real
/// venue of the tenant together (<see cref="RealVenues"/>), each venue's P&amp;L on its own cost basis.
/// <see cref="AllVenues"/> is for reports that show each venue side by side, never for a limit.
/// </summary>
public sealed class VenueScope
{
    /// <summary>The simulated venue, always there and the default. Every other venue trades real money.</summary>
    public const string PaperVenue = "paper";

    public static readonly VenueScope Paper = new("paper", real: false);
    public static readonly VenueScope RealVenues = new("real", real: true);
    public static readonly VenueScope AllVenues = new("all", real: null);

    private VenueScope(string name, bool? real)
    {
        Name = name;
        Real = real;
    }

    /// <summary><c>paper</c>, <c>real</c> or <c>all</c>: the name reports and <c>--json</c> use.</summary>
    public string Name { get; }

    /// <summary>True: real venues only; false: the paper venue only; null: every venue.</summary>
    public bool? Real { get; }

    /// <summary>True for every venue but the paper venue (names as recorded: the paper venue records itself as "paper").</summary>
    public static bool IsReal(string venue) => venue != PaperVenue;

    /// <summary>The books the daily limits of an order on <paramref name="venue"/> count.</summary>
    public static VenueScope LimitsOf(string venue) => IsReal(venue) ? RealVenues : Paper;

    public bool Includes(string venue) => Real is not { } real || IsReal(venue) == real;

    public override string ToString() => Name;
}
