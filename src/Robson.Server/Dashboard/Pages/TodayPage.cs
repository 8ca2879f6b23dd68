using System.Text.Json;

namespace Robson.Server.Dashboard.Pages;

/// <summary>
/// Today: the kill switch, each daily limit (busiest first), the day's P&amp;L and fees, positions with their
/// protective orders, open orders and orders of unknown outcome. Built from GET /v1/status and GET /v1/report.
/// </summary>
public static class TodayPage
{
    public static Markup Page(JsonElement status, JsonElement report, Session session) => Markup.Of($"""
        <h1>Today <span class="muted">({status.Text("day")}, UTC)</span></h1>
        {Markup.When(session.May(Api.Capability.ManageRisk), Actions())}
        <div id="today-live" aria-live="polite">{Live(status, report, session)}</div>
        """);

    /// <summary>The part robson.js refreshes every 2 s.</summary>
    public static Markup Live(JsonElement status, JsonElement report, Session session) => Markup.Of($"""
        <p class="muted">As of {status.When("now")}; daily limits reset in {Duration(status.Number("seconds_until_reset"))}.</p>
        <div class="grid">
          <section class="card" aria-labelledby="h-state"><h2 id="h-state">Trading state</h2>{TradingState(status)}</section>
          <section class="card" aria-labelledby="h-pnl"><h2 id="h-pnl">P&amp;L today</h2>{Pnl(report)}</section>
        </div>
        <section class="card" aria-labelledby="h-limits"><h2 id="h-limits">Daily limits</h2>{Limits(status)}</section>
        <section class="card" aria-labelledby="h-positions"><h2 id="h-positions">Positions</h2>{Positions(status)}</section>
        <section class="card" aria-labelledby="h-open"><h2 id="h-open">Open orders</h2>{OpenOrders(status, session)}</section>
        <section class="card" aria-labelledby="h-unknown"><h2 id="h-unknown">Orders of unknown outcome</h2>{Unknown(status)}</section>
        """);

    private static Markup Actions() => Markup.Of($"""
        <section id="actions" class="card" aria-labelledby="h-actions"><h2 id="h-actions">Kill switch</h2>
          <div class="actions">
            <a id="halt" class="button danger" href="/actions/halt">Halt trading…</a>
            <a id="reduce-only" class="button" href="/actions/reduce-only">Reduce only…</a>
            <a id="resume" class="button" href="/actions/resume">Resume…</a>
          </div>
        </section>
        """);

    private static Markup TradingState(JsonElement status)
    {
        var state = status.Field("trading_state");
        var name = state.Text("state");
        var by = state.Flag("automatic") ? $"Robson (automatic) {state.Text("by")}".Trim() : state.Text("by");
        var rows = status.Items("venues").Select(v => Markup.Of($"""
            <tr data-venue="{v.Text("venue")}"><td>{v.Text("venue")}</td><td class="state state-{name}">{name}</td><td>{by}</td><td>{state.Text("reason")}</td><td>{(state.TextOrNull("since") is null ? Json.None : state.When("since"))}</td></tr>
            """)).ToList();
        return Markup.Of($"""
            <div class="scroll" tabindex="0"><table id="trading-state"><caption class="muted">The kill switch holds on every venue of the tenant.</caption>
            <thead><tr><th scope="col">Venue</th><th scope="col">State</th><th scope="col">Set by</th><th scope="col">Why</th><th scope="col">Since</th></tr></thead>
            <tbody>{rows}</tbody></table></div>
            """);
    }

    private static Markup Pnl(JsonElement report) => Markup.Of($"""
        <dl id="pnl" class="fields">
          <dt>Realised P&amp;L</dt><dd class="figure" data-field="realised_pnl">{report.Text("realised_pnl")}</dd>
          <dt>Fees</dt><dd data-field="fees">{report.Text("fees")}</dd>
          <dt>LIVE orders</dt><dd data-field="orders">{report.Text("orders")}</dd>
          <dt>Notional</dt><dd data-field="notional">{report.Text("notional")}</dd>
        </dl>
        <p id="fills-today">LIVE fills today: <span data-field="fills">{report.Text("fills")}</span></p>
        """);

    /// <summary>One bar per limit and strategy on each book the limits count (paper alone; every real venue together), the busiest first.</summary>
    private static Markup Limits(JsonElement status)
    {
        var books = status.Items("venues")
            .GroupBy(v => v.Text("limits_scope") == "real" ? "real" : v.Text("venue"))
            .Select(g => g.First())
            .Select(v => (Venue: v, Label: v.Text("limits_scope") == "real" ? string.Join(" + ", v.Items("limits_venues").Select(n => n.GetString())) : v.Text("venue"),
                Busiest: v.Items("strategies").SelectMany(s => s.Items("limits")).Select(l => l.Number("percent") ?? 0m).DefaultIfEmpty(0m).Max()))
            .OrderByDescending(b => b.Busiest)
            .ToList();
        if (books.Count == 0 || books.All(b => !b.Venue.Items("strategies").Any()))
            return Markup.Of($"""<div id="limits"><p class="muted">No strategy sets daily limits yet.</p></div>""");
        var parts = books.Select(b => Markup.Of($"""
            <h3>{b.Label}</h3>
            {b.Venue.Items("strategies").Select(s => Markup.Of($"""
                <p class="muted">Strategy {s.Text("name")} (#{s.Text("strategy_id")}, version {s.Text("version")})</p>
                {s.Items("limits").Select(l => Bar(b.Venue.Text("venue"), s, l))}
                """))}
            """));
        return Markup.Of($"""<div id="limits">{parts}</div>""");
    }

    private static Markup Bar(string venue, JsonElement strategy, JsonElement limit)
    {
        var name = limit.Text("limit");
        var id = $"limit-{venue}-{strategy.Text("strategy_id")}-{name}";
        var max = limit.TextOrNull("max");
        var meter = max is null
            ? Markup.Of($"""<span class="muted">no maximum set</span>""")
            : Markup.Of($"""<meter id="{id}" min="0" max="{max}" value="{Math.Min(limit.Number("used") ?? 0, limit.Number("max") ?? 0)}" high="{(limit.Number("max") ?? 0) * 0.8m}" optimum="0">{limit.Text("usage")}</meter>""");
        return Markup.Of($"""
            <div class="limit" data-limit="{name}" data-venue="{venue}" data-strategy="{strategy.Text("strategy_id")}" data-used="{limit.Text("used")}" data-max="{max ?? ""}">
              <label for="{id}"><span>{Title(name)}</span><span class="mono">{limit.Text("usage")}{(limit.TextOrNull("percent") is { } p ? $" ({p} %)" : "")}</span></label>
              {meter}
            </div>
            """);
    }

    private static string Title(string limit) => limit switch
    {
        "orders" => "Orders",
        "notional" => "Notional",
        "loss" => "Loss",
        _ => limit,
    };

    private static Markup Positions(JsonElement status)
    {
        var rows = status.Items("venues").SelectMany(v => v.Items("positions")).Select(p => Markup.Of($"""
            <tr data-symbol="{p.Text("symbol")}" data-venue="{p.Text("venue")}">
              <td>{p.Text("venue")}</td><td>{p.Text("symbol")}</td><td class="num">{p.Text("quantity")}</td><td class="num">{p.Text("average_cost")}</td>
              <td class="num">{p.Text("mid")}</td><td class="num {Sign(p.Number("unrealised_pnl"))}">{p.Text("unrealised_pnl")}</td>
              <td>{(p.Items("protections").Any() ? Markup.Join(p.Items("protections").Select(Protection)) : Markup.Of($"""<span class="bad">unprotected</span>"""))}</td>
            </tr>
            """)).ToList();
        return rows.Count == 0
            ? Markup.Of($"""<div id="positions"><p class="muted">No open position.</p></div>""")
            : Markup.Of($"""
                <div class="scroll" tabindex="0"><table id="positions"><thead><tr><th scope="col">Venue</th><th scope="col">Symbol</th><th scope="col" class="num">Quantity</th>
                <th scope="col" class="num">Average cost</th><th scope="col" class="num">Mid</th><th scope="col" class="num">Unrealised P&amp;L</th><th scope="col">Protective orders</th></tr></thead>
                <tbody>{rows}</tbody></table></div>
                """);
    }

    private static Markup Protection(JsonElement o) => Markup.Of($"""
        <div class="mono">{o.Text("role")} {o.Text("type")} stop {o.Text("stop_price")} limit {o.Text("price")} · {o.Text("status")}</div>
        """);

    private static Markup OpenOrders(JsonElement status, Session session)
    {
        var canCancel = session.May(Api.Capability.TradeLive);
        var rows = status.Items("venues").SelectMany(v => v.Items("open_orders")).Select(o => Markup.Of($"""
            <tr data-order="{o.Text("client_order_id")}">
              <td class="mono">{o.Text("client_order_id")}</td><td>{o.Text("venue")}</td><td>{o.Text("symbol")}</td><td>{o.Text("side")}</td><td>{o.Text("type")}</td>
              <td>{o.Text("role")}</td><td class="num">{o.Text("quantity")}</td><td class="num">{o.Text("price")}</td><td class="num">{o.Text("stop_price")}</td><td>{o.Text("status")}</td>
              {Markup.When(canCancel, Markup.Of($"""<td><a class="cancel" href="/actions/cancel?order={Uri.EscapeDataString(o.Text("client_order_id"))}">Cancel…</a></td>"""))}
            </tr>
            """)).ToList();
        return rows.Count == 0
            ? Markup.Of($"""<div id="open-orders"><p class="muted">No open order.</p></div>""")
            : Markup.Of($"""
                <div class="scroll" tabindex="0"><table id="open-orders"><thead><tr><th scope="col">Client order id</th><th scope="col">Venue</th><th scope="col">Symbol</th><th scope="col">Side</th>
                <th scope="col">Type</th><th scope="col">Role</th><th scope="col" class="num">Quantity</th><th scope="col" class="num">Price</th><th scope="col" class="num">Stop</th><th scope="col">Status</th>
                {Markup.When(canCancel, Markup.Of($"""<th scope="col">Action</th>"""))}</tr></thead>
                <tbody>{rows}</tbody></table></div>
                """);
    }

    private static Markup Unknown(JsonElement status)
    {
        var venues = status.Items("venues").Where(v => v.Items("unknown_orders").Any()).ToList();
        if (venues.Count == 0) return Markup.Of($"""<div id="unknown-orders"><p class="muted">None: every order's outcome is known.</p></div>""");
        var rows = venues.SelectMany(v => v.Items("unknown_orders").Select(o => Markup.Of($"""
            <tr data-order="{o.Text("client_order_id")}"><td class="mono">{o.Text("client_order_id")}</td><td>{o.Text("venue")}</td><td>{o.Text("symbol")}</td>
            <td>{o.Text("side")}</td><td class="num">{o.Text("quantity")}</td><td>{o.Text("status")}</td><td><code>{v.Text("settle_command")}</code></td></tr>
            """)));
        return Markup.Of($"""
            <p class="alert">These orders count against the limits until settled. Run the command beside each one.</p>
            <div class="scroll" tabindex="0"><table id="unknown-orders"><thead><tr><th scope="col">Client order id</th><th scope="col">Venue</th><th scope="col">Symbol</th><th scope="col">Side</th>
            <th scope="col" class="num">Quantity</th><th scope="col">Status</th><th scope="col">Settle with</th></tr></thead><tbody>{rows}</tbody></table></div>
            """);
    }

    public static string Sign(decimal? value) => value switch { > 0 => "ok", < 0 => "bad", _ => "" };

    private static string Duration(decimal? seconds) =>
        seconds is not { } s ? Json.None : $"{(int)(s / 3600)} h {(int)(s % 3600 / 60):00} min";
}
