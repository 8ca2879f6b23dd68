namespace Robson.Core.Execution;

/// <summary>
/// Why Robson placed an order: a plan's own leg (ENTRY), the protective order of a filled entry (PROTECTIVE_STOP, or
/// PROTECTIVE_OCO with a take-profit), or the market sell that closes a position its protection could not cover (CLOSE).
/// Only entries count against the daily order and notional limits: the others only ever reduce a position Robson opened.
/// </summary>
public sealed record OrderRole
{
    private OrderRole(string wire) => Wire = wire;

    public static readonly OrderRole Entry = new("ENTRY");
    public static readonly OrderRole ProtectiveStop = new("PROTECTIVE_STOP");
    public static readonly OrderRole ProtectiveOco = new("PROTECTIVE_OCO");
    public static readonly OrderRole Close = new("CLOSE");

    public static readonly IReadOnlyList<OrderRole> All = [Entry, ProtectiveStop, ProtectiveOco, Close];

    public string Wire { get; }

    public bool IsProtective => this == ProtectiveStop || this == ProtectiveOco;

    /// <summary>An OCO is one order list on the venue: looked up and canceled as a list.</summary>
    public bool IsList => this == ProtectiveOco;

    public static OrderRole Parse(string wire) =>
        All.FirstOrDefault(r => r.Wire == wire) ?? throw new FormatException($"unknown order role '{wire}'");

    public override string ToString() => Wire;
}
