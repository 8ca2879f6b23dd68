using Robson.Cli;

namespace Robson.Server.Api;

/// <summary>Every route under /v1 (README "HTTP API"): the CLI's use cases, one table.</summary>
public static class ApiRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        // The tenant's state.
        new("GET", "/v1/status", ["status"], Capability.Read, "Trading state, daily limits, positions, open and unknown orders, plans awaiting LIVE"),
        new("GET", "/v1/positions", ["positions"], Capability.Read, "Positions with average cost, mid, unrealised P&L and protective orders"),
        new("GET", "/v1/report", ["report"], Capability.Read, "The day (or period) venue by venue: orders, notional, fills, fees, P&L, limits, blocks"),
        new("GET", "/v1/orders", ["orders", "list"], Capability.Read, "Open orders and orders of unknown outcome"),
        new("GET", "/v1/analytics", ["analytics"], Capability.Read,
            "Series by day: realised P&L and fees, LIVE notional against the limit, blocks by guard, validation outcomes; slippage of LIVE fills"),
        new("GET", "/v1/executions", ["executions", "list"], Capability.Read, "Executions, newest first"),
        new("GET", "/v1/executions/{id}", ["executions", "show"], Capability.Read, "One execution: guards, actions, orders, fills and fees"),
        new("GET", "/v1/plans", ["plans", "list"], Capability.Read, "Plans, newest first, with stage, latest validation and last execution"),
        new("GET", "/v1/plans/{id}", ["plans", "show"], Capability.Read, "One plan with its validation, executions and what is still possible"),
        new("GET", "/v1/strategies", ["strategy", "list"], Capability.Read, "Strategies"),
        new("GET", "/v1/strategies/{id}", ["strategy", "show"], Capability.Read, "One strategy"),
        new("GET", "/v1/venues", ["venue", "list"], Capability.Read, "Venues"),
        new("GET", "/v1/venues/{name}", ["venue", "show"], Capability.Read, "One venue: URL, where credentials come from, rate-limit state"),
        new("GET", "/v1/market/{symbol}/price", ["market", "price"], Capability.Read, "Last price, best bid and ask, mid and spread"),
        new("GET", "/v1/market/{symbol}/book", ["market", "book"], Capability.Read, "The best levels of the order book"),
        new("GET", "/v1/market/{symbol}/rules", ["market", "rules"], Capability.Read, "The symbol's trading rules as validation checks them"),
        new("GET", "/v1/paper/balances", ["paper", "balance"], Capability.Read, "Paper balances"),
        new("GET", "/v1/fills/export", ["fills", "export"], Capability.Read, "Every LIVE fill, as CSV (default) or JSON lines (format=jsonl)")
            { Answer = Answer.Export },

        // The audit trail.
        new("GET", "/v1/audit/events", ["audit", "list"], Capability.ReadAudit, "Audit events, newest first"),
        new("GET", "/v1/audit/events/{id}", ["audit", "show"], Capability.ReadAudit, "One audit event with its hashes and whether it still matches"),
        new("GET", "/v1/audit/verify", ["audit", "verify"], Capability.ReadAudit, "Verify the hash chain and cross-check the stored records"),
        new("GET", "/v1/audit/export", ["audit", "export"], Capability.ReadAudit, "Audit events with both hashes, as JSON lines (default) or CSV")
            { Answer = Answer.Export },

        // Trading.
        new("POST", "/v1/plans", ["plan"], Capability.Trade, "Plan a buy or a sell (side), stored and content-hashed; nothing is sent")
            { Subcommand = ("side", ["buy", "sell"]), SuccessStatus = 201 },
        new("POST", "/v1/plans/rebalance", ["plan", "rebalance"], Capability.Trade, "Plan the market orders that reach a target allocation") { SuccessStatus = 201 },
        new("POST", "/v1/plans/cancel", ["plan", "cancel"], Capability.Trade, "Plan the cancel of an open order") { SuccessStatus = 201 },
        new("POST", "/v1/plans/{id}/copy", ["plan", "copy"], Capability.Trade, "A new plan with the same content") { SuccessStatus = 201 },
        new("POST", "/v1/plans/{id}/validate", ["validate"], Capability.Trade, "Validate a plan; the result is stored, bound to the plan's hash")
        {
            // Reading the account loads the venue's credentials: the trader's, never an agent's.
            Escalation = f => string.Equals(f.Get("with_account"), "true", StringComparison.OrdinalIgnoreCase) ? Capability.TradeLive : null,
        },
        new("POST", "/v1/plans/{id}/execute", ["execute"], Capability.Trade,
            "Execute a plan: DRY-RUN by default; LIVE with {\"mode\": \"live\", \"acknowledge_risk\": true}")
        {
            Hidden = ["live", "validated", "validation_passed"],
            Translate = ExecutionMode.Translate,
            Escalation = f => f.Has("live") ? Capability.TradeLive : null,
        },
        new("POST", "/v1/protect", ["protect"], Capability.TradeLive, "Place the missing protective order of a filled entry"),
        new("POST", "/v1/paper/deposits", ["paper", "deposit"], Capability.Fund, "Add funds to the paper balance"),
        new("POST", "/v1/reconcile", ["reconcile"], Capability.TradeLive, "Settle orders of unknown outcome from the venue's records"),

        // Risk: limits, policy and the kill switch. Venues are added and removed with the CLI on the server only: a venue
        // names credentials in the server's environment, which a remote tenant must never be able to claim.
        new("POST", "/v1/strategies", ["strategy", "create"], Capability.ManageRisk, "Create a strategy (limits and policy)") { SuccessStatus = 201 },
        new("PATCH", "/v1/strategies/{id}", ["strategy", "set"], Capability.ManageRisk, "Change a strategy's settings (only the fields given)"),
        new("POST", "/v1/trading-state/halt", ["halt"], Capability.ManageRisk, "Kill switch: refuse every LIVE order until resume"),
        new("POST", "/v1/trading-state/reduce-only", ["reduce-only"], Capability.ManageRisk, "Allow only LIVE orders that reduce a position"),
        new("POST", "/v1/trading-state/resume", ["resume"], Capability.ManageRisk, "Return to ACTIVE (needs acknowledge_risk)"),
    ];

    /// <summary>execute's body: <c>mode</c> dry_run (the default) or live; <c>acknowledge_risk</c> as the CLI's flag.</summary>
    private static class ExecutionMode
    {
        public static void Translate(RequestFields fields)
        {
            var mode = fields.Take("mode") ?? "dry_run";
            switch (mode)
            {
                case "dry_run": break;
                case "live": fields.Set("live", "true"); break;
                default: throw new UsageException($"mode must be dry_run or live, got '{mode}'");
            }
        }
    }
}
