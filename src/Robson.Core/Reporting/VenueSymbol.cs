using Robson.Core.Domain;

namespace Robson.Core.Reporting;

/// <summary>A position's key: a symbol on one venue. The same symbol on two venues is two positions, with two cost bases.</summary>
public readonly record struct VenueSymbol(string Venue, Symbol Symbol)
{
    public override string ToString() => $"{Venue}:{Symbol}";
}
