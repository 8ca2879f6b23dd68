using Robson.Core.Execution;

namespace Robson.Core.Reporting;

/// <summary>A LIVE fill as the accounting export writes it: the fill, its order's id on the venue and the venue's trade id (when known).</summary>
public sealed record FillLine(FillRecord Fill, string? VenueOrderId, string? TradeId);
