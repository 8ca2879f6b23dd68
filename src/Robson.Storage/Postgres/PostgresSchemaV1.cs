namespace Robson.Storage.Postgres;

/// <summary>Schema version 1 on PostgreSQL, in three parts: the tables, what never changes, who sees which rows.</summary>
internal static class PostgresSchemaV1
{
    /// <summary>Every table whose rows belong to one tenant (a <c>client_id</c> column): each gets row-level security.</summary>
    public static readonly string[] TenantTables =
    [
        "strategies", "plans", "validations", "executions", "orders", "fills", "audit_events", "paper_balances", "trading_states",
        "equity_snapshots", "equity_peaks", "paper_orders", "paper_order_details", "venues", "positions", "realised_pnl_days", "audit_heads",
    ];

    /// <summary>Rows that are never rewritten nor deleted: what was planned, judged, attempted, filled and audited, and equity history.</summary>
    public static readonly string[] AppendOnlyTables = ["audit_events", "audit_heads", "plans", "validations", "executions", "fills", "equity_snapshots"];

    /// <summary>Rows that change but are never deleted: orders change status; the equity peak only rises.</summary>
    public static readonly string[] NeverDeletedTables = ["orders", "equity_peaks"];

    /// <summary>
    /// Integer columns are BIGINT where the shared readers read Int64 and INTEGER where they read Int32 (Npgsql reads
    /// each integer type as its own width only).
    /// </summary>
    public const string Tables = """
        CREATE TABLE strategies (
            client_id BIGINT NOT NULL, id BIGINT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL,
            settings_json TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            PRIMARY KEY (client_id, id), UNIQUE (client_id, name));
        CREATE TABLE plans (
            rowid BIGINT GENERATED ALWAYS AS IDENTITY,
            id TEXT PRIMARY KEY, client_id BIGINT NOT NULL, strategy_id BIGINT, kind TEXT NOT NULL, venue TEXT NOT NULL,
            legs_json TEXT NOT NULL, hash TEXT NOT NULL, created_at TEXT NOT NULL, allocation_json TEXT);
        CREATE INDEX plans_by_client ON plans (client_id, created_at);
        CREATE TABLE validations (
            rowid BIGINT GENERATED ALWAYS AS IDENTITY,
            id TEXT PRIMARY KEY, client_id BIGINT NOT NULL, plan_id TEXT NOT NULL, plan_hash TEXT NOT NULL,
            strategy_id BIGINT, strategy_version INTEGER, status TEXT NOT NULL, issues_json TEXT NOT NULL, validated_at TEXT NOT NULL,
            market_json TEXT);
        CREATE INDEX validations_by_plan ON validations (client_id, plan_id, validated_at);
        CREATE TABLE executions (
            rowid BIGINT GENERATED ALWAYS AS IDENTITY,
            id TEXT PRIMARY KEY, client_id BIGINT NOT NULL, plan_id TEXT NOT NULL, plan_hash TEXT NOT NULL, venue TEXT NOT NULL,
            mode TEXT NOT NULL, status TEXT NOT NULL, guards_json TEXT NOT NULL, actions_json TEXT NOT NULL, error TEXT,
            executed_at TEXT NOT NULL);
        CREATE INDEX executions_by_client ON executions (client_id, executed_at);
        CREATE TABLE orders (
            rowid BIGINT GENERATED ALWAYS AS IDENTITY,
            client_order_id TEXT PRIMARY KEY, client_id BIGINT NOT NULL, execution_id TEXT NOT NULL, plan_id TEXT NOT NULL,
            leg_index INTEGER NOT NULL, venue TEXT NOT NULL, symbol TEXT NOT NULL, side TEXT NOT NULL, type TEXT NOT NULL,
            quantity NUMERIC NOT NULL, price NUMERIC, status TEXT NOT NULL, reserved_notional NUMERIC NOT NULL,
            executed_quantity NUMERIC NOT NULL, executed_notional NUMERIC NOT NULL, venue_order_id TEXT,
            created_at TEXT NOT NULL, day TEXT NOT NULL, updated_at TEXT NOT NULL, sent_at TEXT,
            role TEXT NOT NULL DEFAULT 'ENTRY', protects TEXT, stop_price NUMERIC, take_profit_price NUMERIC,
            protected INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX orders_by_day ON orders (client_id, day);
        CREATE INDEX orders_by_plan ON orders (client_id, plan_id);
        CREATE INDEX orders_by_venue_day ON orders (client_id, venue, day);
        CREATE INDEX orders_by_protected_entry ON orders (client_id, protects) WHERE protects IS NOT NULL;
        -- Open orders and unprotected entries are read through partial indexes of those rows only, so finding them never
        -- reads the tenant's past (the WHERE clauses repeat the queries' own; see SQLite's migration 11).
        CREATE INDEX orders_unresolved ON orders (client_id, created_at) WHERE status IN ('PENDING', 'SENT', 'UNKNOWN');
        CREATE INDEX orders_resting ON orders (client_id, created_at) WHERE status IN ('ACKED', 'PARTIALLY_FILLED');
        CREATE INDEX orders_unprotected ON orders (client_id, created_at)
            WHERE role = 'ENTRY' AND stop_price IS NOT NULL AND side = 'BUY' AND executed_quantity <> '0' AND protected = 0;
        CREATE TABLE fills (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, client_id BIGINT NOT NULL, client_order_id TEXT NOT NULL,
            symbol TEXT NOT NULL, side TEXT NOT NULL, price NUMERIC NOT NULL, quantity NUMERIC NOT NULL, fee NUMERIC NOT NULL,
            fee_asset TEXT NOT NULL, fee_in_quote NUMERIC NOT NULL, filled_at TEXT NOT NULL, venue_trade_id TEXT, venue TEXT NOT NULL DEFAULT '');
        CREATE INDEX fills_by_client ON fills (client_id, filled_at);
        CREATE INDEX fills_by_venue ON fills (client_id, venue, filled_at);
        CREATE UNIQUE INDEX fills_by_trade ON fills (client_id, client_order_id, venue_trade_id) WHERE venue_trade_id IS NOT NULL;
        -- seq is drawn from its identity's sequence by the store (nextval), because tenants append concurrently under their
        -- own locks: one more than the largest seq would be read twice. BY DEFAULT lets the store insert the value it drew.
        CREATE TABLE audit_events (
            seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, id TEXT NOT NULL UNIQUE, client_id BIGINT, position BIGINT NOT NULL,
            kind TEXT NOT NULL, result TEXT NOT NULL,
            plan_id TEXT, plan_hash TEXT, occurred_at TEXT NOT NULL, actor TEXT NOT NULL, host TEXT NOT NULL,
            command TEXT NOT NULL, version TEXT NOT NULL, details_json TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
        -- One event per position of a chain. NULLS NOT DISTINCT: the events without a tenant form one chain too (SQLite's
        -- unique index treats NULLs as distinct, but its single writer never races).
        CREATE UNIQUE INDEX audit_chain ON audit_events (client_id, position) NULLS NOT DISTINCT;
        CREATE TABLE paper_prices (symbol TEXT PRIMARY KEY, price NUMERIC NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE paper_balances (client_id BIGINT NOT NULL, asset TEXT NOT NULL, free NUMERIC NOT NULL, PRIMARY KEY (client_id, asset));
        CREATE TABLE trading_states (client_id BIGINT PRIMARY KEY, state TEXT NOT NULL, reason TEXT NOT NULL, changed_at TEXT NOT NULL);
        CREATE TABLE equity_snapshots (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, client_id BIGINT NOT NULL, venue TEXT NOT NULL, equity NUMERIC NOT NULL,
            taken_at TEXT NOT NULL);
        CREATE INDEX equity_by_client ON equity_snapshots (client_id, venue);
        CREATE TABLE equity_peaks (client_id BIGINT NOT NULL, venue TEXT NOT NULL, peak NUMERIC NOT NULL, PRIMARY KEY (client_id, venue));
        CREATE TABLE paper_orders (
            rowid BIGINT GENERATED ALWAYS AS IDENTITY,
            client_id BIGINT NOT NULL, client_order_id TEXT NOT NULL, result_json TEXT NOT NULL, placed_at TEXT NOT NULL,
            PRIMARY KEY (client_id, client_order_id));
        CREATE TABLE paper_order_details (
            client_id BIGINT NOT NULL, client_order_id TEXT NOT NULL, symbol TEXT NOT NULL, side TEXT NOT NULL, type TEXT NOT NULL,
            quantity NUMERIC NOT NULL, price NUMERIC, stop_price NUMERIC, list_client_order_id TEXT,
            locked_asset TEXT, locked NUMERIC NOT NULL, triggered BIGINT NOT NULL, resting BIGINT NOT NULL,
            PRIMARY KEY (client_id, client_order_id));
        CREATE INDEX paper_order_details_resting ON paper_order_details (resting, symbol);
        CREATE INDEX paper_order_details_by_list ON paper_order_details (client_id, list_client_order_id) WHERE list_client_order_id IS NOT NULL;
        CREATE TABLE venues (
            client_id BIGINT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, base_url TEXT NOT NULL, credentials_file TEXT,
            created_at TEXT NOT NULL, PRIMARY KEY (client_id, name));
        CREATE TABLE venue_limits (base_url TEXT PRIMARY KEY, blocked_until TEXT, reason TEXT, used_weight INTEGER, updated_at TEXT NOT NULL);
        CREATE TABLE exchange_info (base_url TEXT PRIMARY KEY, json TEXT NOT NULL, fetched_at TEXT NOT NULL);
        -- Positions and realised P&L by day, kept as each fill is recorded (flat costs: nothing replays history).
        CREATE TABLE positions (
            client_id BIGINT NOT NULL, venue TEXT NOT NULL, symbol TEXT NOT NULL,
            quantity NUMERIC NOT NULL, cost_basis NUMERIC NOT NULL, realised_pnl NUMERIC NOT NULL,
            PRIMARY KEY (client_id, venue, symbol));
        CREATE TABLE realised_pnl_days (
            client_id BIGINT NOT NULL, day TEXT NOT NULL, venue TEXT NOT NULL, symbol TEXT NOT NULL,
            pnl NUMERIC NOT NULL, sales INTEGER NOT NULL,
            PRIMARY KEY (client_id, day, venue, symbol));
        CREATE INDEX paper_order_details_locked ON paper_order_details (client_id) WHERE locked <> '0' AND locked_asset IS NOT NULL;
        -- The witness of each audit chain's head, outside audit_events (SQLite keeps it in ROBSON_HOME/audit-heads): one
        -- row per append, in the append's transaction. Deleting the newest events leaves the witness ahead of the chain.
        CREATE TABLE audit_heads (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, client_id BIGINT, position BIGINT NOT NULL, hash TEXT NOT NULL);
        CREATE INDEX audit_heads_by_chain ON audit_heads (client_id, position);

        """;

    /// <summary>
    /// Row triggers refuse UPDATE and DELETE; a statement trigger refuses TRUNCATE, which row triggers never see.
    /// </summary>
    public static readonly string AppendOnly =
        """
        CREATE FUNCTION robson_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '%: % refused (%)', TG_TABLE_NAME, TG_OP, TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END $$;

        """
        + string.Concat(AppendOnlyTables.Select(t =>
            $"CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t} FOR EACH ROW EXECUTE FUNCTION robson_refuse_change('append-only');\n"))
        + string.Concat(NeverDeletedTables.Select(t =>
            $"CREATE TRIGGER {t}_never_deleted BEFORE DELETE ON {t} FOR EACH ROW EXECUTE FUNCTION robson_refuse_change('never deleted');\n"))
        + string.Concat(AppendOnlyTables.Concat(NeverDeletedTables).Select(t =>
            $"CREATE TRIGGER {t}_no_truncate BEFORE TRUNCATE ON {t} FOR EACH STATEMENT EXECUTE FUNCTION robson_refuse_change('never truncated');\n"));

    /// <summary>
    /// A session bound to a tenant (<c>robson.tenant = 'N'</c>) reads and writes only that tenant's rows; one bound to
    /// every tenant (<c>'all'</c>, the operator's view) sees them all; an unbound session sees nothing. FORCE applies it
    /// to the tables' owner too. A superuser (or a role with BYPASSRLS) is not subject to it: run Robson as an ordinary
    /// role. The setting is the session's own, so this guards against a query that forgets its tenant, not against a
    /// client that sets another tenant on purpose.
    /// </summary>
    /// <summary>One tenant table's row-level security: rows of the session's tenant only (or every tenant's under 'all').</summary>
    public static string TenantPolicy(string table) =>
        $"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;\nALTER TABLE {table} FORCE ROW LEVEL SECURITY;\n" +
        $"CREATE POLICY {table}_by_tenant ON {table} USING (robson_tenant_visible(client_id)) WITH CHECK (robson_tenant_visible(client_id));\n";

    public static readonly string RowLevelSecurity =
        """
        CREATE FUNCTION robson_tenant_visible(tenant BIGINT) RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT CASE COALESCE(current_setting('robson.tenant', true), '')
                WHEN 'all' THEN true
                WHEN '' THEN false
                ELSE tenant = current_setting('robson.tenant', true)::bigint END $$;

        """
        + string.Concat(TenantTables.Select(TenantPolicy))
        + """
        -- The one read that crosses tenants from a tenant's session: which venues of other tenants would read the same
        -- environment credentials (two tenants must never trade on one account). It returns only the columns that check
        -- needs, seeing every tenant for its own duration and restoring the session's tenant after. (A SET clause on the
        -- function would be simpler, but PostgreSQL lets only a superuser attach one for a custom setting.)
        CREATE FUNCTION robson_venues_of_other_tenants(tenant BIGINT)
            RETURNS TABLE (client_id BIGINT, name TEXT, kind TEXT, base_url TEXT, credentials_file TEXT, created_at TEXT)
            LANGUAGE plpgsql AS $$
        DECLARE bound TEXT := COALESCE(current_setting('robson.tenant', true), '');
        BEGIN
            PERFORM set_config('robson.tenant', 'all', true);
            RETURN QUERY SELECT v.client_id, v.name, v.kind, v.base_url, v.credentials_file, v.created_at FROM venues v WHERE v.client_id <> tenant;
            PERFORM set_config('robson.tenant', bound, true);
        END $$;

        """;
}
