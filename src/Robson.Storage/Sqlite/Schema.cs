namespace Robson.Storage.Sqlite;

/// <summary>
/// Versioned migrations, applied in order; PRAGMA user_version records the last one applied.
/// Amounts are TEXT (canonical decimal) so nothing is ever rounded through a double.
/// </summary>
internal static class Schema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE strategies (
            client_id INTEGER NOT NULL, id INTEGER NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL,
            settings_json TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            PRIMARY KEY (client_id, id), UNIQUE (client_id, name));
        CREATE TABLE plans (
            id TEXT PRIMARY KEY, client_id INTEGER NOT NULL, strategy_id INTEGER, kind TEXT NOT NULL, venue TEXT NOT NULL,
            legs_json TEXT NOT NULL, hash TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE INDEX plans_by_client ON plans (client_id, created_at);
        CREATE TABLE validations (
            id TEXT PRIMARY KEY, client_id INTEGER NOT NULL, plan_id TEXT NOT NULL, plan_hash TEXT NOT NULL,
            strategy_id INTEGER, strategy_version INTEGER, status TEXT NOT NULL, issues_json TEXT NOT NULL, validated_at TEXT NOT NULL);
        CREATE INDEX validations_by_plan ON validations (client_id, plan_id, validated_at);
        CREATE TABLE executions (
            id TEXT PRIMARY KEY, client_id INTEGER NOT NULL, plan_id TEXT NOT NULL, plan_hash TEXT NOT NULL, venue TEXT NOT NULL,
            mode TEXT NOT NULL, status TEXT NOT NULL, guards_json TEXT NOT NULL, actions_json TEXT NOT NULL, error TEXT,
            executed_at TEXT NOT NULL);
        CREATE INDEX executions_by_client ON executions (client_id, executed_at);
        CREATE TABLE orders (
            client_order_id TEXT PRIMARY KEY, client_id INTEGER NOT NULL, execution_id TEXT NOT NULL, plan_id TEXT NOT NULL,
            leg_index INTEGER NOT NULL, venue TEXT NOT NULL, symbol TEXT NOT NULL, side TEXT NOT NULL, type TEXT NOT NULL,
            quantity TEXT NOT NULL, price TEXT, status TEXT NOT NULL, reserved_notional TEXT NOT NULL,
            executed_quantity TEXT NOT NULL, executed_notional TEXT NOT NULL, venue_order_id TEXT,
            created_at TEXT NOT NULL, day TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX orders_by_day ON orders (client_id, day);
        CREATE INDEX orders_by_plan ON orders (client_id, plan_id);
        CREATE TABLE fills (
            id INTEGER PRIMARY KEY AUTOINCREMENT, client_id INTEGER NOT NULL, client_order_id TEXT NOT NULL,
            symbol TEXT NOT NULL, side TEXT NOT NULL, price TEXT NOT NULL, quantity TEXT NOT NULL, fee TEXT NOT NULL,
            fee_asset TEXT NOT NULL, fee_in_quote TEXT NOT NULL, filled_at TEXT NOT NULL);
        CREATE INDEX fills_by_client ON fills (client_id, filled_at);
        CREATE TABLE audit_events (
            seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, client_id INTEGER, position INTEGER NOT NULL,
            kind TEXT NOT NULL, result TEXT NOT NULL,
            plan_id TEXT, plan_hash TEXT, occurred_at TEXT NOT NULL, actor TEXT NOT NULL, host TEXT NOT NULL,
            command TEXT NOT NULL, version TEXT NOT NULL, details_json TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
        CREATE UNIQUE INDEX audit_chain ON audit_events (client_id, position);
        CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
            BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
        CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
            BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
        CREATE TABLE paper_prices (symbol TEXT PRIMARY KEY, price TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE paper_balances (client_id INTEGER NOT NULL, asset TEXT NOT NULL, free TEXT NOT NULL, PRIMARY KEY (client_id, asset));
        """,
        """
        CREATE TABLE trading_states (
            client_id INTEGER PRIMARY KEY, state TEXT NOT NULL, reason TEXT NOT NULL, changed_at TEXT NOT NULL);
        CREATE TABLE equity_snapshots (
            id INTEGER PRIMARY KEY AUTOINCREMENT, client_id INTEGER NOT NULL, venue TEXT NOT NULL, equity TEXT NOT NULL, taken_at TEXT NOT NULL);
        CREATE INDEX equity_by_client ON equity_snapshots (client_id, venue);
        CREATE TABLE equity_peaks (client_id INTEGER NOT NULL, venue TEXT NOT NULL, peak TEXT NOT NULL, PRIMARY KEY (client_id, venue));
        ALTER TABLE plans ADD COLUMN allocation_json TEXT;
        """,
        """
        CREATE TABLE paper_orders (
            client_id INTEGER NOT NULL, client_order_id TEXT NOT NULL, result_json TEXT NOT NULL, placed_at TEXT NOT NULL,
            PRIMARY KEY (client_id, client_order_id));
        CREATE TABLE venues (
            client_id INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, base_url TEXT NOT NULL, credentials_file TEXT,
            created_at TEXT NOT NULL, PRIMARY KEY (client_id, name));
        CREATE TABLE venue_limits (
            base_url TEXT PRIMARY KEY, blocked_until TEXT, reason TEXT, used_weight INTEGER, updated_at TEXT NOT NULL);
        CREATE TABLE exchange_info (base_url TEXT PRIMARY KEY, json TEXT NOT NULL, fetched_at TEXT NOT NULL);
        ALTER TABLE fills ADD COLUMN venue_trade_id TEXT;
        CREATE UNIQUE INDEX fills_by_trade ON fills (client_id, client_order_id, venue_trade_id) WHERE venue_trade_id IS NOT NULL;
        """,
        """
        ALTER TABLE orders ADD COLUMN sent_at TEXT;
        """,
        """
        ALTER TABLE validations ADD COLUMN market_json TEXT;
        """,
        // Plans, validations, executions and fills are append-only, like audit_events: what was planned, judged,
        // attempted and filled is never rewritten. Order status changes stay conditional UPDATEs on orders.
        """
        CREATE TRIGGER plans_no_update BEFORE UPDATE ON plans BEGIN SELECT RAISE(ABORT, 'plans are append-only'); END;
        CREATE TRIGGER plans_no_delete BEFORE DELETE ON plans BEGIN SELECT RAISE(ABORT, 'plans are append-only'); END;
        CREATE TRIGGER validations_no_update BEFORE UPDATE ON validations BEGIN SELECT RAISE(ABORT, 'validations are append-only'); END;
        CREATE TRIGGER validations_no_delete BEFORE DELETE ON validations BEGIN SELECT RAISE(ABORT, 'validations are append-only'); END;
        CREATE TRIGGER executions_no_update BEFORE UPDATE ON executions BEGIN SELECT RAISE(ABORT, 'executions are append-only'); END;
        CREATE TRIGGER executions_no_delete BEFORE DELETE ON executions BEGIN SELECT RAISE(ABORT, 'executions are append-only'); END;
        CREATE TRIGGER fills_no_update BEFORE UPDATE ON fills BEGIN SELECT RAISE(ABORT, 'fills are append-only'); END;
        CREATE TRIGGER fills_no_delete BEFORE DELETE ON fills BEGIN SELECT RAISE(ABORT, 'fills are append-only'); END;
        """,
        // Books per venue: each fill carries its order's venue (every fill was recorded from an order, so the
        // backfill finds one), and per-venue queries (a venue, or every real venue) read one index. The backfill is
        // the one rewrite of fills there is: it lifts their append-only trigger and sets it again, in the migration's
        // transaction, so no other write ever sees fills without it.
        """
        ALTER TABLE fills ADD COLUMN venue TEXT NOT NULL DEFAULT '';
        DROP TRIGGER fills_no_update;
        UPDATE fills SET venue = (SELECT o.venue FROM orders o WHERE o.client_order_id = fills.client_order_id AND o.client_id = fills.client_id)
            WHERE EXISTS (SELECT 1 FROM orders o WHERE o.client_order_id = fills.client_order_id AND o.client_id = fills.client_id);
        CREATE TRIGGER fills_no_update BEFORE UPDATE ON fills BEGIN SELECT RAISE(ABORT, 'fills are append-only'); END;
        CREATE INDEX fills_by_venue ON fills (client_id, venue, filled_at);
        CREATE INDEX orders_by_venue_day ON orders (client_id, venue, day);
        """,
        // The daily limits and drawdown read these: deleting an order would lower the day's count and notional, and
        // deleting equity would reset the drawdown peak. Orders still change status (conditional UPDATEs).
        """
        CREATE TRIGGER IF NOT EXISTS orders_no_delete BEFORE DELETE ON orders BEGIN SELECT RAISE(ABORT, 'orders are never deleted'); END;
        CREATE TRIGGER IF NOT EXISTS equity_snapshots_no_update BEFORE UPDATE ON equity_snapshots BEGIN SELECT RAISE(ABORT, 'equity snapshots are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS equity_snapshots_no_delete BEFORE DELETE ON equity_snapshots BEGIN SELECT RAISE(ABORT, 'equity snapshots are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS equity_peaks_no_delete BEFORE DELETE ON equity_peaks BEGIN SELECT RAISE(ABORT, 'equity peaks are never deleted'); END;
        """,
        // The paper venue keeps resting orders: beside each paper order's answer (paper_orders.result_json, rewritten as
        // it fills), what the order is and what it locks while it rests. Orders placed before have no details and never
        // rest. `resting` mirrors the status (ACKED or PARTIALLY_FILLED) so set-price finds the orders a new price may
        // fill without reading every row. Written to be run again safely (IF NOT EXISTS), like the migration before it.
        """
        CREATE TABLE IF NOT EXISTS paper_order_details (
            client_id INTEGER NOT NULL, client_order_id TEXT NOT NULL, symbol TEXT NOT NULL, side TEXT NOT NULL, type TEXT NOT NULL,
            quantity TEXT NOT NULL, price TEXT, stop_price TEXT, list_client_order_id TEXT,
            locked_asset TEXT, locked TEXT NOT NULL, triggered INTEGER NOT NULL, resting INTEGER NOT NULL,
            PRIMARY KEY (client_id, client_order_id));
        CREATE INDEX IF NOT EXISTS paper_order_details_resting ON paper_order_details (resting, symbol);
        CREATE INDEX IF NOT EXISTS paper_order_details_by_list ON paper_order_details (client_id, list_client_order_id) WHERE list_client_order_id IS NOT NULL;
        """,
        // Protective orders: each order says why Robson placed it (a plan's entry, the protection of an entry, or the close
        // of an unprotected position) and which entry it protects; entries keep their planned stop-loss and take-profit,
        // so reconcile finds a filled entry whose protection is missing (after a crash) without reading every plan.
        """
        ALTER TABLE orders ADD COLUMN role TEXT NOT NULL DEFAULT 'ENTRY';
        ALTER TABLE orders ADD COLUMN protects TEXT;
        ALTER TABLE orders ADD COLUMN stop_price TEXT;
        ALTER TABLE orders ADD COLUMN take_profit_price TEXT;
        CREATE INDEX orders_by_protected_entry ON orders (client_id, protects) WHERE protects IS NOT NULL;
        CREATE INDEX orders_protectable ON orders (client_id, venue) WHERE role = 'ENTRY' AND stop_price IS NOT NULL AND side = 'BUY';
        """,
        // Flat costs: nothing an execution reads grows with the tenant's history. Positions and each position's realised
        // P&L by UTC day are kept as fills are recorded (RecordFill), and filled in here once from the fills already
        // stored (SqlStore.BackfillPositions, run by Migrate in this migration's transaction). Open orders, unprotected
        // entries and paper orders holding funds are found through partial indexes holding only those rows; each WHERE
        // is repeated exactly by its query (SQLite uses a partial index only when the query names its terms).
        // `protected` is set on an entry when its first protective or closing order is recorded.
        """
        CREATE TABLE positions (
            client_id INTEGER NOT NULL, venue TEXT NOT NULL, symbol TEXT NOT NULL,
            quantity TEXT NOT NULL, cost_basis TEXT NOT NULL, realised_pnl TEXT NOT NULL,
            PRIMARY KEY (client_id, venue, symbol));
        CREATE TABLE realised_pnl_days (
            client_id INTEGER NOT NULL, day TEXT NOT NULL, venue TEXT NOT NULL, symbol TEXT NOT NULL,
            pnl TEXT NOT NULL, sales INTEGER NOT NULL,
            PRIMARY KEY (client_id, day, venue, symbol));
        CREATE INDEX orders_unresolved ON orders (client_id, created_at) WHERE status IN ('PENDING', 'SENT', 'UNKNOWN');
        CREATE INDEX orders_resting ON orders (client_id, created_at) WHERE status IN ('ACKED', 'PARTIALLY_FILLED');
        ALTER TABLE orders ADD COLUMN protected INTEGER NOT NULL DEFAULT 0;
        UPDATE orders SET protected = 1
            WHERE EXISTS (SELECT 1 FROM orders p WHERE p.client_id = orders.client_id AND p.protects = orders.client_order_id);
        DROP INDEX orders_protectable;
        CREATE INDEX orders_unprotected ON orders (client_id, created_at)
            WHERE role = 'ENTRY' AND stop_price IS NOT NULL AND side = 'BUY' AND executed_quantity <> '0' AND protected = 0;
        CREATE INDEX paper_order_details_locked ON paper_order_details (client_id) WHERE locked <> '0' AND locked_asset IS NOT NULL;
        """,
        // robson serve: who acted with which role (null for the local CLI), the API tokens (only each secret's SHA-256 is
        // kept) and the idempotency keys of its requests (a 24-hour cache of answers, never copied by `db copy`).
        """
        ALTER TABLE audit_events ADD COLUMN role TEXT;
        CREATE TABLE api_tokens (
            id TEXT PRIMARY KEY, client_id INTEGER NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL, expires_at TEXT, revoked_at TEXT);
        CREATE INDEX api_tokens_by_client ON api_tokens (client_id, created_at);
        CREATE TABLE idempotency_keys (
            client_id INTEGER NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER, content_type TEXT, body TEXT,
            created_at TEXT NOT NULL, PRIMARY KEY (client_id, key));
        CREATE INDEX idempotency_keys_by_age ON idempotency_keys (client_id, created_at);
        """,
        // Webhooks (each with the secret the server signs with, forgotten on removal, and a cursor: the last audit seq it
        // has read) and their deliveries, one row per (webhook, event): pending, delivered or dead, claimed by one server.
        """
        CREATE TABLE webhooks (
            id TEXT PRIMARY KEY, client_id INTEGER NOT NULL, url TEXT NOT NULL, events TEXT NOT NULL, secret TEXT,
            created_at TEXT NOT NULL, removed_at TEXT, cursor_seq INTEGER NOT NULL);
        CREATE INDEX webhooks_by_client ON webhooks (client_id, created_at);
        CREATE TABLE webhook_deliveries (
            webhook_id TEXT NOT NULL, client_id INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, state TEXT NOT NULL,
            attempts INTEGER NOT NULL, next_attempt_at TEXT NOT NULL, last_error TEXT, last_attempt_at TEXT, created_at TEXT NOT NULL,
            claimed_by TEXT, claimed_until TEXT, PRIMARY KEY (webhook_id, event_id));
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'PENDING';
        CREATE INDEX webhook_deliveries_by_client ON webhook_deliveries (client_id, state);
        CREATE INDEX audit_events_by_client_seq ON audit_events (client_id, seq);
        """,
    ];

    /// <summary>
    /// The version whose migration creates positions and realised_pnl_days (11); Migrate backfills them from the stored
    /// fills right after it. Found by content, so migrations merged in around it keep it right.
    /// </summary>
    public static readonly int PositionsVersion = Array.FindIndex(Migrations, m => m.Contains("CREATE TABLE positions (", StringComparison.Ordinal)) + 1;

    public static int CurrentVersion => Migrations.Length;
}
