using System.Globalization;
using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Guards;
using Robson.Core.Plans;
using Robson.Core.Ports;
using Robson.Core.Strategies;
using Robson.Core.Validation;

namespace Robson.Storage.Tests.Support;

/// <summary>
/// Rows the contract tests store: two tenants, a day, and records with every optional field set. Times carry ticks below
/// a microsecond and amounts carry many decimals, because both are part of hashes (plans, audit events) and limits:
/// a store must give them back exactly.
/// </summary>
internal static class Samples
{
    public static readonly ClientId Tenant = ClientId.From(1);
    public static readonly ClientId OtherTenant = ClientId.From(2);
    public static readonly Symbol Btc = Symbol.From("BTCUSDT");
    public static readonly Symbol Eth = Symbol.From("ETHUSDT");
    public const string Paper = VenueScope.PaperVenue;
    public const string Binance = "binance";

    public static readonly DateOnly Day = new(2026, 11, 25);

    /// <summary>Noon of <see cref="Day"/> plus 1234567 ticks (0.1234567 s): 100 ns precision, as the hashes write times.</summary>
    public static readonly DateTimeOffset Noon = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    public static decimal D(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static Plan Plan(string id, ClientId? tenant = null, DateTimeOffset? at = null, string venue = Paper, long? strategyId = 1) =>
        PlanHasher.WithHash(new Plan(id, tenant ?? Tenant, strategyId, PlanKind.Buy, venue,
        [
            new PlanLeg(Btc, OrderSide.Buy, OrderType.Limit, D("0.00012345"), D("56123.45678901"), D("55000.1")) { TakeProfit = D("60000"), TimeInForce = TimeInForce.Gtc },
            new PlanLeg(Eth, OrderSide.Buy, OrderType.Market, D("1.5"), null, null),
        ], at ?? Noon, ""));

    public static StrategySettings Settings(int maxOrdersPerDay = 10) => new()
    {
        MaxDrawdownPercent = D("20.5"),
        StopLossPercent = D("5"),
        MaxPositionSizePercent = D("25"),
        MaxOrdersPerDay = maxOrdersPerDay,
        MaxNotionalPerDay = D("10000.01"),
        MaxLossPerDay = D("500"),
        LiveEnabled = true,
        AllowedSymbols = ["BTCUSDT", "ETHUSDT"],
        AllowedOrderTypes = [OrderType.Limit],
        MaxNotionalPerOrder = D("2500.5"),
        ValidationTtlMinutes = 30,
        PriceCollarPercent = D("2.5"),
        MaxSlippagePercent = D("1.25"),
        AllowedPlanKinds = [PlanKind.Buy, PlanKind.Sell],
        OnProtectionFailure = ProtectionFailureAction.Close,
    };

    public static ValidationReport Validation(string id, string planId, DateTimeOffset at, ValidationStatus status = ValidationStatus.Warning,
        ClientId? tenant = null) =>
        new(id, planId, "hash-" + planId, tenant ?? Tenant, 1, 3, status,
            [ValidationIssue.Warning("MAX_POSITION_MISSING", "no max position", ("symbol", "BTCUSDT"), ("limit", D("0.5")))], at)
        {
            Market = Details.Of(("BTCUSDT", D("56000.123"))),
        };

    public static ExecutionResult Execution(string id, string planId, DateTimeOffset at, ClientId? tenant = null, string venue = Paper,
        ExecutionMode mode = ExecutionMode.Live, ExecutionStatus status = ExecutionStatus.Success) =>
        new(id, planId, "hash-" + planId, tenant ?? Tenant, venue, mode, status,
            [
                GuardResult.Pass("TenantContext", "client 1"),
                GuardResult.Fail("ExecutionLimits", "MAX_ORDERS_PER_DAY", "limit reached", ("orders_today", 10)) with { BlocksLive = true },
            ],
            [new ExecutionAction(ExecutionAction.Real, "BUY 0.001 BTCUSDT", Details.Of(("price", D("56000.5"))), "FILLED")],
            status == ExecutionStatus.Success ? null : "blocked", at);

    public static OrderRecord Order(string clientOrderId, DateTimeOffset at, ClientId? tenant = null, string venue = Paper, OrderStatus? status = null,
        string executionId = "exec-1", string planId = "plan-1", int leg = 0, OrderSide side = OrderSide.Buy) =>
        new(clientOrderId, tenant ?? Tenant, executionId, planId, leg, venue, Btc, side, OrderType.Limit, D("0.00012345"), D("56123.45678901"),
            status ?? OrderStatus.Pending, D("6.928440833783"), 0m, 0m, null, at)
        {
            StopPrice = D("55000.1"),
            TakeProfitPrice = D("60000"),
        };

    public static FillRecord Fill(string clientOrderId, DateTimeOffset at, ClientId? tenant = null, string venue = Paper, string price = "56000.12345678") =>
        new(tenant ?? Tenant, clientOrderId, venue, Btc, OrderSide.Buy, D(price), D("0.00012345"), D("0.00000012"), "BTC", D("0.0067200148"), at);

    public static readonly AuditActor Actor = new("trader", "desk-1", "robson execute pl4n --live", "0.1.0");

    public static AuditEntry Audit(ClientId? tenant, DateTimeOffset at, string kind = "execution", string? planId = "plan-1") =>
        new(tenant, kind, "SUCCESS", planId, planId is null ? null : "hash-" + planId,
            Details.Of(("mode", "LIVE"), ("note", "line one\nline=two \\ three"), ("notional", D("12.3400"))), Actor, at);

    public static PaperOrderRecord PaperOrder(string clientOrderId, DateTimeOffset at, ClientId? tenant = null, Symbol? symbol = null,
        OrderStatus? status = null, string? lockedAsset = "USDT", decimal locked = 100.5m, string? listId = null, OrderType type = OrderType.Limit) =>
        new(tenant ?? Tenant, clientOrderId, symbol ?? Btc, OrderSide.Buy, type, D("0.002"), D("50250.25"), null, listId,
            status ?? OrderStatus.Acked, [], null, lockedAsset, locked, false, at);

    public static VenueConfig Venue(string name, ClientId? tenant = null, string? credentialsFile = "/home/trader/.robson/binance.key") =>
        new(tenant ?? Tenant, name, "binance", "https://api.binance.example", credentialsFile, Noon);
}
