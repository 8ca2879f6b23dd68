using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Robson.Cli.Tests.Support.FakeBinance;

/// <summary>Writes Binance-shaped JSON: fields in the documented order, every quantity and price as a string with 8 decimals.</summary>
internal static class BinanceJson
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Num(decimal value) => value.ToString("0.00000000", CultureInfo.InvariantCulture);

    public static void Dec(this Utf8JsonWriter w, string name, decimal value) => w.WriteString(name, Num(value));

    public static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static string Error(int code, string message) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("code", code);
        w.WriteString("msg", message);
        w.WriteEndObject();
    });

    public static void ExchangeSymbol(Utf8JsonWriter w, SymbolSpec s)
    {
        w.WriteStartObject();
        w.WriteString("symbol", s.Symbol);
        w.WriteString("status", "TRADING");
        w.WriteString("baseAsset", s.BaseAsset);
        w.WriteNumber("baseAssetPrecision", SymbolSpec.Precision);
        w.WriteString("quoteAsset", s.QuoteAsset);
        w.WriteNumber("quotePrecision", SymbolSpec.Precision);
        w.WriteNumber("quoteAssetPrecision", SymbolSpec.Precision);
        w.WriteNumber("baseCommissionPrecision", SymbolSpec.Precision);
        w.WriteNumber("quoteCommissionPrecision", SymbolSpec.Precision);
        w.WriteStartArray("orderTypes");
        foreach (var t in SymbolSpec.OrderTypes) w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteBoolean("icebergAllowed", true);
        w.WriteBoolean("ocoAllowed", true);
        w.WriteBoolean("otoAllowed", true);
        w.WriteBoolean("opoAllowed", true);
        w.WriteBoolean("quoteOrderQtyMarketAllowed", true);
        w.WriteBoolean("allowTrailingStop", true);
        w.WriteBoolean("cancelReplaceAllowed", true);
        w.WriteBoolean("amendAllowed", true);
        w.WriteBoolean("pegInstructionsAllowed", true);
        w.WriteBoolean("isSpotTradingAllowed", true);
        w.WriteBoolean("isMarginTradingAllowed", true);
        w.WriteStartArray("filters");
        Filter(w, "PRICE_FILTER", () => { w.Dec("minPrice", s.MinPrice); w.Dec("maxPrice", s.MaxPrice); w.Dec("tickSize", s.TickSize); });
        Filter(w, "LOT_SIZE", () => { w.Dec("minQty", s.MinQty); w.Dec("maxQty", s.MaxQty); w.Dec("stepSize", s.StepSize); });
        Filter(w, "ICEBERG_PARTS", () => w.WriteNumber("limit", s.IcebergPartsLimit));
        Filter(w, "MARKET_LOT_SIZE", () => { w.Dec("minQty", s.MarketMinQty); w.Dec("maxQty", s.MarketMaxQty); w.Dec("stepSize", s.MarketStepSize); });
        Filter(w, "TRAILING_DELTA", () =>
        {
            w.WriteNumber("minTrailingAboveDelta", s.MinTrailingDelta);
            w.WriteNumber("maxTrailingAboveDelta", s.MaxTrailingDelta);
            w.WriteNumber("minTrailingBelowDelta", s.MinTrailingDelta);
            w.WriteNumber("maxTrailingBelowDelta", s.MaxTrailingDelta);
        });
        Filter(w, "PERCENT_PRICE_BY_SIDE", () =>
        {
            w.WriteString("bidMultiplierUp", Plain(s.BidMultiplierUp));
            w.WriteString("bidMultiplierDown", Plain(s.BidMultiplierDown));
            w.WriteString("askMultiplierUp", Plain(s.AskMultiplierUp));
            w.WriteString("askMultiplierDown", Plain(s.AskMultiplierDown));
            w.WriteNumber("avgPriceMins", s.AvgPriceMins);
        });
        Filter(w, "NOTIONAL", () =>
        {
            w.Dec("minNotional", s.MinNotional);
            w.WriteBoolean("applyMinToMarket", s.ApplyMinToMarket);
            w.Dec("maxNotional", s.MaxNotional);
            w.WriteBoolean("applyMaxToMarket", s.ApplyMaxToMarket);
            w.WriteNumber("avgPriceMins", s.AvgPriceMins);
        });
        Filter(w, "MAX_NUM_ORDERS", () => w.WriteNumber("maxNumOrders", s.MaxNumOrders));
        Filter(w, "MAX_NUM_ALGO_ORDERS", () => w.WriteNumber("maxNumAlgoOrders", s.MaxNumAlgoOrders));
        w.WriteEndArray();
        w.WriteStartArray("permissions");
        w.WriteEndArray();
        w.WriteStartArray("permissionSets");
        w.WriteStartArray();
        w.WriteStringValue("SPOT");
        w.WriteStringValue("MARGIN");
        w.WriteEndArray();
        w.WriteEndArray();
        w.WriteString("defaultSelfTradePreventionMode", "EXPIRE_MAKER");
        w.WriteStartArray("allowedSelfTradePreventionModes");
        foreach (var mode in new[] { "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT" }) w.WriteStringValue(mode);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Plain(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    private static void Filter(Utf8JsonWriter w, string type, Action body)
    {
        w.WriteStartObject();
        w.WriteString("filterType", type);
        body();
        w.WriteEndObject();
    }

    public static void RateLimits(Utf8JsonWriter w)
    {
        w.WriteStartArray("rateLimits");
        foreach (var (type, interval, num, limit) in new[]
                 {
                     ("REQUEST_WEIGHT", "MINUTE", 1, 6000), ("ORDERS", "SECOND", 10, 100),
                     ("ORDERS", "DAY", 1, 200000), ("RAW_REQUESTS", "MINUTE", 5, 61000),
                 })
        {
            w.WriteStartObject();
            w.WriteString("rateLimitType", type);
            w.WriteString("interval", interval);
            w.WriteNumber("intervalNum", num);
            w.WriteNumber("limit", limit);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The order part of a POST /api/v3/order answer (RESULT, or FULL with fills).</summary>
    public static void NewOrder(Utf8JsonWriter w, OrderState o, string respType)
    {
        w.WriteStartObject();
        w.WriteString("symbol", o.Symbol);
        w.WriteNumber("orderId", o.OrderId);
        w.WriteNumber("orderListId", o.OrderListId);
        w.WriteString("clientOrderId", o.ClientOrderId);
        w.WriteNumber("transactTime", Ms(o.Time));
        if (respType != "ACK")
        {
            OrderCore(w, o);
            w.WriteNumber("workingTime", Ms(o.Time));
            w.WriteString("selfTradePreventionMode", "NONE");
        }
        if (respType == "FULL")
        {
            w.WriteStartArray("fills");
            foreach (var f in o.Fills.Take(o.FillsInAnswer ?? int.MaxValue))
            {
                w.WriteStartObject();
                w.Dec("price", f.Price);
                w.Dec("qty", f.Qty);
                w.Dec("commission", f.Commission);
                w.WriteString("commissionAsset", f.CommissionAsset);
                if (!o.OmitTradeIds) w.WriteNumber("tradeId", f.TradeId);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void OrderCore(Utf8JsonWriter w, OrderState o)
    {
        w.Dec("price", o.Price);
        w.Dec("origQty", o.Quantity);
        w.Dec("executedQty", o.ExecutedQty);
        w.Dec("origQuoteOrderQty", o.OrigQuoteOrderQty);
        w.Dec("cummulativeQuoteQty", o.CummulativeQuoteQty);
        w.WriteString("status", o.Status);
        w.WriteString("timeInForce", o.TimeInForce);
        w.WriteString("type", o.Type);
        w.WriteString("side", o.Side);
        if (o.StopPrice > 0) w.Dec("stopPrice", o.StopPrice);
    }

    /// <summary>An order as GET /api/v3/order, /openOrders and /allOrders show it.</summary>
    public static void QueriedOrder(Utf8JsonWriter w, OrderState o)
    {
        w.WriteStartObject();
        w.WriteString("symbol", o.Symbol);
        w.WriteNumber("orderId", o.OrderId);
        w.WriteNumber("orderListId", o.OrderListId);
        w.WriteString("clientOrderId", o.ClientOrderId);
        w.Dec("price", o.Price);
        w.Dec("origQty", o.Quantity);
        w.Dec("executedQty", o.ExecutedQty);
        w.Dec("cummulativeQuoteQty", o.CummulativeQuoteQty);
        w.WriteString("status", o.Status);
        w.WriteString("timeInForce", o.TimeInForce);
        w.WriteString("type", o.Type);
        w.WriteString("side", o.Side);
        w.Dec("stopPrice", o.StopPrice);
        w.Dec("icebergQty", 0m);
        w.WriteNumber("time", Ms(o.Time));
        w.WriteNumber("updateTime", Ms(o.UpdateTime));
        w.WriteBoolean("isWorking", o.IsWorking);
        w.WriteNumber("workingTime", Ms(o.Time));
        w.Dec("origQuoteOrderQty", o.OrigQuoteOrderQty);
        w.WriteString("selfTradePreventionMode", "NONE");
        w.WriteEndObject();
    }

    /// <summary>An order as DELETE /api/v3/order answers it.</summary>
    public static void CanceledOrder(Utf8JsonWriter w, OrderState o, string cancelClientOrderId, DateTimeOffset at)
    {
        w.WriteStartObject();
        w.WriteString("symbol", o.Symbol);
        w.WriteString("origClientOrderId", o.ClientOrderId);
        w.WriteNumber("orderId", o.OrderId);
        w.WriteNumber("orderListId", o.OrderListId);
        w.WriteString("clientOrderId", cancelClientOrderId);
        w.WriteNumber("transactTime", Ms(at));
        OrderCore(w, o);
        w.WriteString("selfTradePreventionMode", "NONE");
        w.WriteEndObject();
    }

    /// <summary>
    /// An order list as POST /api/v3/orderList/oco, GET and DELETE /api/v3/orderList show it; with
    /// <paramref name="reports"/>, each leg's order report too (new and cancel answers).
    /// </summary>
    public static void OrderList(Utf8JsonWriter w, FakeOrderList list, bool reports, DateTimeOffset? at = null)
    {
        w.WriteStartObject();
        w.WriteNumber("orderListId", list.OrderListId);
        w.WriteString("contingencyType", "OCO");
        w.WriteString("listStatusType", list.ListStatusType);
        w.WriteString("listOrderStatus", list.ListOrderStatus);
        w.WriteString("listClientOrderId", list.ListClientOrderId);
        w.WriteNumber("transactionTime", Ms(at ?? list.TransactionTime));
        w.WriteString("symbol", list.Symbol);
        w.WriteStartArray("orders");
        foreach (var leg in list.Legs)
        {
            w.WriteStartObject();
            w.WriteString("symbol", leg.Symbol);
            w.WriteNumber("orderId", leg.OrderId);
            w.WriteString("clientOrderId", leg.ClientOrderId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (reports)
        {
            w.WriteStartArray("orderReports");
            foreach (var leg in list.Legs)
            {
                w.WriteStartObject();
                w.WriteString("symbol", leg.Symbol);
                w.WriteNumber("orderId", leg.OrderId);
                w.WriteNumber("orderListId", list.OrderListId);
                w.WriteString("clientOrderId", leg.ClientOrderId);
                w.WriteNumber("transactTime", Ms(at ?? leg.Time));
                OrderCore(w, leg);
                w.WriteString("selfTradePreventionMode", "NONE");
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    public static void Trade(Utf8JsonWriter w, FakeFill f)
    {
        w.WriteStartObject();
        w.WriteString("symbol", f.Symbol);
        w.WriteNumber("id", f.TradeId);
        w.WriteNumber("orderId", f.OrderId);
        w.WriteNumber("orderListId", -1);
        w.Dec("price", f.Price);
        w.Dec("qty", f.Qty);
        w.Dec("quoteQty", f.QuoteQty);
        w.Dec("commission", f.Commission);
        w.WriteString("commissionAsset", f.CommissionAsset);
        w.WriteNumber("time", Ms(f.Time));
        w.WriteBoolean("isBuyer", f.Side == "BUY");
        w.WriteBoolean("isMaker", f.IsMaker);
        w.WriteBoolean("isBestMatch", true);
        w.WriteEndObject();
    }
}
