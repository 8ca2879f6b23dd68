using Robson.Storage;
using System.Diagnostics;
using System.Globalization;
using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Guards;
using Robson.Core.Plans;
using Robson.Core.Ports;
using Robson.Storage.Sqlite;

// Seeds ROBSON_HOME's store with a tenant's LIVE history, every row written by the store's own code (the same methods
// `robson plan` and `robson execute --live` call, so the audit chain is hashed and linked as in use, and each fill
// moves its position): for each of COUNT executions, one plan with its PLAN_CREATED event, one LIVE execution with its
// PLAN_EXECUTED event, one FILLED order with the paper venue's record of it, and its fill. Buys and sells of BTCUSDT and ETHUSDT on the paper venue, spread
// evenly over DAYS days that end yesterday (UTC), so today starts empty: the benchmark measures history, not today.
// The store is the one robson would open with the same environment (ROBSON_HOME).
//   usage: ROBSON_HOME=DIR HistorySeed [COUNT=1000000] [DAYS=1000] [CLIENT_ID=1] [STRATEGY_ID=1]
var home = Environment.GetEnvironmentVariable("ROBSON_HOME") is { Length: > 0 } h ? h : throw new ArgumentException("ROBSON_HOME is not set");
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var days = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
var client = ClientId.From(args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 1);
long? strategyId = args.Length > 3 ? long.Parse(args[3], CultureInfo.InvariantCulture) : 1;
const int Batch = 20_000;

var today = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
var start = today.AddDays(-days);
var step = TimeSpan.FromTicks((today - start).Ticks / (count + 1));
var actor = new AuditActor("bench", "bench-host", "robson execute (seeded history)", "0.1.0");
var symbols = new[] { (Symbol: Symbol.From("BTCUSDT"), Price: 60_000m, Quantity: 0.001m), (Symbol: Symbol.From("ETHUSDT"), Price: 3_000m, Quantity: 0.01m) };
var guards = GuardPipeline.Default.Select(g => GuardResult.Pass(g.Name, "passed (seeded history)")).ToList();
var random = new Random(42);
var clock = Stopwatch.StartNew();

// The store ROBSON_DATABASE_URL chooses, as robson would (SQLite in ROBSON_HOME when unset), bound to the tenant it seeds.
using var store = StoreTarget.Choose(home, Environment.GetEnvironmentVariable(StoreTarget.DatabaseUrlVariable)).Open(createIfMissing: true);
store.BindTenant(client);
for (var done = 0; done < count;)
{
    using var tx = store.BeginExclusive(client);
    for (var end = Math.Min(count, done + Batch); done < end; done++)
        Seed(store, done);
    tx.Commit();
    Console.Error.Write($"\r{done:N0} / {count:N0} executions ({clock.Elapsed.TotalSeconds:F0} s)");
}
Console.Error.WriteLine();

void Seed(IRobsonStore store, int i)
{
    var at = start + step * (i + 1);
    var (symbol, basePrice, quantity) = symbols[i % symbols.Length];
    // Two buys for each sell, so positions grow and realise both ways; prices wander ±5 % around the base.
    var side = i % 3 == 2 ? OrderSide.Sell : OrderSide.Buy;
    var price = decimal.Round(basePrice * (0.95m + (decimal)random.NextDouble() / 10m), 2);
    var id = i.ToString("x12", CultureInfo.InvariantCulture);
    var plan = PlanHasher.WithHash(new Plan($"p{id}", client, strategyId, side == OrderSide.Buy ? PlanKind.Buy : PlanKind.Sell, VenueScope.PaperVenue,
        [new PlanLeg(symbol, side, OrderType.Market, quantity, null, null)], at, ""));
    store.InsertPlan(plan);
    store.Append(new AuditEntry(client, AuditKinds.PlanCreated, "CREATED", plan.Id, plan.Hash,
        Details.Of(("legs", plan.Legs[0].Describe()), ("venue", plan.Venue), ("strategy_id", plan.StrategyId)), actor, at));

    var executedAt = at.AddSeconds(1);
    var executionId = $"e{id}";
    var notional = price * quantity;
    var fee = decimal.Round(notional * 0.001m, 8);
    var order = new OrderRecord($"rbs-{executionId}-1", client, executionId, plan.Id, 0, VenueScope.PaperVenue, symbol, side, OrderType.Market,
        quantity, null, OrderStatus.Filled, notional, quantity, notional, $"v{id}", executedAt);
    store.InsertOrder(order);
    // What the paper venue records when it fills the order, then what execute records of the fill.
    store.RecordPaperOrder(new PaperOrderRecord(client, order.ClientOrderId, symbol, side, OrderType.Market, quantity, null, null, null,
        OrderStatus.Filled, [new VenueFill(price, quantity, fee, "USDT", $"t{id}")], null, null, 0m, false, executedAt));
    store.RecordFill(new FillRecord(client, order.ClientOrderId, order.Venue, symbol, side, price, quantity, fee, "USDT", fee, executedAt), $"t{id}");
    var action = new ExecutionAction(ExecutionAction.Real, plan.Legs[0].Describe(),
        Details.Of(("client_order_id", order.ClientOrderId), ("price", price), ("quantity", quantity)), "FILLED");
    var execution = new ExecutionResult(executionId, plan.Id, plan.Hash, client, VenueScope.PaperVenue, ExecutionMode.Live, ExecutionStatus.Success,
        guards, [action], null, executedAt);
    store.InsertExecution(execution);
    store.Append(new AuditEntry(client, AuditKinds.PlanExecuted, "SUCCESS", plan.Id, plan.Hash,
        Details.Of(("execution_id", executionId), ("mode", "LIVE"), ("venue", plan.Venue),
            ("guards", string.Join(",", guards.Select(g => "+" + g.Name))), ("actions", 1), ("error", null)), actor, executedAt));
}
