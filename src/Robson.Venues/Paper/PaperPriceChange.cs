using Robson.Core.Domain;

namespace Robson.Venues.Paper;

/// <summary>A new paper mid price, the one before it, and the resting orders it filled.</summary>
public sealed record PaperPriceChange(Symbol Symbol, decimal Price, decimal Previous, IReadOnlyList<PaperOrderFill> Fills);
