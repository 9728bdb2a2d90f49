"""Attempts, payments, refunds and disputes (tables of those names, with ``payment_links``,
``lifecycle_touched`` and ``window_restatements``): the lifecycle stage's SQL.

:func:`rebuild_window_objects` recomputes every object a window's events are (or were) about, from all the
events of those objects in every window (docs/metrics.md); the payment_lifecycle asset calls it, records the
windows it restated (:func:`record_restatements`) and the metric assets read them back
(:func:`restated_windows`).
"""

from __future__ import annotations

import psycopg

from payobs_pipeline.resources.warehouse import copy_in, lock_window
from payobs_pipeline.warehouse.statuses import DECIDED

LIFECYCLE_WORK_MEM = "64MB"
LIFECYCLE_TEMP_BUFFERS = "256MB"

# Dimensions of an object: the first known value over its events, authorizations first.
_FIRST = "(array_agg({col} ORDER BY {order}) FILTER (WHERE {col} IS NOT NULL))[1]"


def _first(col: str, order: str = "auth_first, t, lake_created_at, lake_id") -> str:
    return _FIRST.format(col=col, order=order)


# Country precedence (docs/metrics.md): card issuing country, customer's, merchant's.
_COUNTRY = (
    f"COALESCE({_first('card_country')}, {_first('customer_country')}, {_first('merchant_country')}, 'UNKNOWN')"
)

# ev comes sorted in the order most of the aggregates read it: PostgreSQL then feeds them presorted rows
# instead of sorting each attempt's events once per aggregate (each keeps its ORDER BY, so the result does
# not depend on it), and sorts only the columns read.
ATTEMPTS_SQL = f"""
WITH ev AS (
    SELECT e.attempt_key, e.provider, e.partition_key, e.event_kind, e.status_category, e.lake_id,
           e.lake_created_at, e.merchant_id, e.card_country, e.customer_country, e.merchant_country,
           e.payment_method, e.card_brand, e.amount_minor, e.currency, e.amount_usd,
           COALESCE(e.event_time, e.lake_created_at) AS t, (e.event_kind <> 'AUTHORIZATION') AS auth_first
    FROM normalized_events e JOIN touched_keys k ON k.key = e.attempt_key
    WHERE k.entity = 'attempt' AND e.event_kind IN ('AUTHORIZATION', 'CAPTURE', 'VOID')
    ORDER BY e.attempt_key, auth_first, t, e.lake_created_at, e.lake_id
), agg AS (
    SELECT attempt_key,
           min(provider) AS provider,
           (array_agg(partition_key ORDER BY auth_first, lake_created_at, lake_id)
               FILTER (WHERE event_kind = 'AUTHORIZATION'
                          OR (event_kind = 'CAPTURE' AND status_category = 'APPROVED')))[1] AS partition_key,
           min(t) FILTER (WHERE event_kind = 'AUTHORIZATION') AS authorized_at,
           bool_or(status_category = 'APPROVED' AND event_kind IN ('AUTHORIZATION', 'CAPTURE')) AS approved,
           -- the latest decision; a void of an authorization never approved ends it as CANCELLED
           (array_agg(lake_id ORDER BY t DESC, lake_created_at DESC, lake_id DESC)
               FILTER (WHERE (event_kind = 'AUTHORIZATION' AND status_category <> 'PENDING')
                          OR (event_kind = 'VOID' AND status_category = 'CANCELLED')))[1] AS decisive,
           bool_or(event_kind = 'CAPTURE' AND status_category = 'APPROVED') AS captured,
           bool_or(event_kind = 'VOID' AND status_category = 'CANCELLED') AS voided,
           COALESCE({_first('merchant_id')}, 'UNKNOWN') AS merchant_id,
           {_COUNTRY} AS country,
           COALESCE({_first('payment_method')}, 'UNKNOWN') AS payment_method,
           {_first('card_brand')} AS card_brand,
           {_first('amount_minor')} AS amount_minor,
           (array_agg(currency ORDER BY auth_first, t, lake_created_at, lake_id)
               FILTER (WHERE amount_minor IS NOT NULL))[1] AS currency,
           -- the USD of that same row (its day's rate)
           (array_agg(amount_usd ORDER BY auth_first, t, lake_created_at, lake_id)
               FILTER (WHERE amount_minor IS NOT NULL))[1] AS amount_usd,
           count(*) AS events
    FROM ev GROUP BY attempt_key
)
INSERT INTO attempts
SELECT a.attempt_key, a.partition_key, a.provider, l.payment_key, a.authorized_at, a.merchant_id, a.country,
       a.payment_method, a.card_brand,
       CASE WHEN a.approved THEN 'APPROVED' ELSE COALESCE(d.status_category, 'PENDING') END,
       CASE WHEN a.approved THEN NULL ELSE d.failure_reason END,
       CASE WHEN a.approved THEN NULL ELSE d.failure_source END,
       CASE WHEN a.approved THEN NULL ELSE d.decline_type END,
       d.raw_status, d.raw_reason_code,
       a.amount_minor, a.currency, a.captured, a.voided, a.events, a.amount_usd
FROM agg a
JOIN payment_links l ON l.node = 'a:' || a.attempt_key
LEFT JOIN normalized_events d ON d.lake_id = a.decisive
WHERE a.partition_key IS NOT NULL
"""

# A payment: its attempts and the events about the payment as a whole (kind PAYMENT).
PAYMENTS_SQL = f"""
WITH pay_events AS (
    SELECT l.payment_key, e.partition_key, COALESCE(e.event_time, e.lake_created_at) AS t, e.lake_created_at,
           e.lake_id, e.status_category, e.provider, e.merchant_id, e.payment_method, e.card_country,
           e.customer_country, e.merchant_country, e.amount_minor, e.currency, e.amount_usd
    FROM touched_payments p
    JOIN payment_links l ON l.payment_key = p.payment_key
    JOIN normalized_events e ON e.payment_node = l.node
    WHERE e.event_kind = 'PAYMENT'
), parts AS (
    -- attempts first (a payment belongs to the window of its first attempt), then payment-level events
    SELECT a.payment_key, false AS auth_first, a.partition_key, a.authorized_at AS t, a.authorized_at AS lake_created_at,
           a.attempt_key AS lake_id, a.status_category, a.provider, a.merchant_id, a.payment_method,
           a.country AS card_country, NULL::char(2) AS customer_country, NULL::char(2) AS merchant_country,
           a.amount_minor, a.currency, true AS is_attempt, a.amount_usd
    FROM attempts a JOIN touched_payments p USING (payment_key)
    UNION ALL
    SELECT payment_key, true, partition_key, t, lake_created_at, lake_id::text, status_category, provider,
           merchant_id, payment_method, card_country, customer_country, merchant_country, amount_minor, currency,
           false, amount_usd
    FROM pay_events
)
INSERT INTO payments
SELECT payment_key,
       (array_agg(partition_key ORDER BY auth_first, lake_created_at, lake_id))[1],
       (array_agg(provider ORDER BY auth_first, lake_created_at, lake_id))[1],
       COALESCE({_first('merchant_id')}, 'UNKNOWN'),
       COALESCE(NULLIF({_first('card_country')}, 'UNKNOWN'), {_first('customer_country')},
                {_first('merchant_country')}, 'UNKNOWN'),
       COALESCE(NULLIF({_first('payment_method')}, 'UNKNOWN'), 'UNKNOWN'),
       CASE WHEN bool_or(status_category = 'APPROVED') THEN 'APPROVED'
            ELSE COALESCE((array_agg(status_category ORDER BY t DESC, lake_created_at DESC, lake_id DESC)
                               FILTER (WHERE status_category <> 'PENDING'))[1], 'PENDING') END,
       count(*) FILTER (WHERE is_attempt AND status_category IN ({DECIDED})),
       min(t),
       (array_agg(amount_minor ORDER BY auth_first, t DESC, lake_id) FILTER (WHERE amount_minor IS NOT NULL))[1],
       (array_agg(currency ORDER BY auth_first, t DESC, lake_id) FILTER (WHERE amount_minor IS NOT NULL))[1],
       (array_agg(amount_usd ORDER BY auth_first, t DESC, lake_id) FILTER (WHERE amount_minor IS NOT NULL))[1]
FROM parts
GROUP BY payment_key
"""


def _follow_up_sql(table: str, key: str, kind: str, extra_cols: str, extra_values: str) -> str:
    """Refunds and disputes: one row per object, in the window of its first event, with its latest state."""
    return f"""
WITH ev AS (
    SELECT e.*, COALESCE(e.event_time, e.lake_created_at) AS t, false AS auth_first
    FROM normalized_events e JOIN touched_keys k ON k.key = e.{key}
    WHERE k.entity = '{kind}' AND e.event_kind = '{kind.upper()}'
), agg AS (
    SELECT {key},
           min(provider) AS provider,
           (array_agg(partition_key ORDER BY lake_created_at, lake_id))[1] AS partition_key,
           {_first('attempt_key')} AS attempt_key,
           {_first('payment_node')} AS payment_node,
           {_first('merchant_id')} AS merchant_id,
           {_first('card_country')} AS card_country,
           {_first('customer_country')} AS customer_country,
           {_first('merchant_country')} AS merchant_country,
           {_first('payment_method')} AS payment_method,
           (array_agg(raw_status ORDER BY t DESC, lake_created_at DESC, lake_id DESC))[1] AS raw_status,
           (array_agg(amount_minor ORDER BY t DESC, lake_created_at DESC, lake_id DESC)
               FILTER (WHERE amount_minor IS NOT NULL))[1] AS amount_minor,
           (array_agg(currency ORDER BY t DESC, lake_created_at DESC, lake_id DESC)
               FILTER (WHERE amount_minor IS NOT NULL))[1] AS currency,
           (array_agg(amount_usd ORDER BY t DESC, lake_created_at DESC, lake_id DESC)
               FILTER (WHERE amount_minor IS NOT NULL))[1] AS amount_usd,
           min(t) AS first_seen_at,
           count(*) AS events
           {extra_cols}
    FROM ev GROUP BY {key}
)
INSERT INTO {table}
SELECT g.{key}, g.partition_key, g.provider, g.attempt_key, l.payment_key,
       COALESCE(g.merchant_id, a.merchant_id, 'UNKNOWN'),
       COALESCE(g.card_country, NULLIF(a.country, 'UNKNOWN'), g.customer_country, g.merchant_country, 'UNKNOWN'),
       COALESCE(g.payment_method, a.payment_method, 'UNKNOWN'),
       {extra_values}, g.amount_minor, g.currency, g.first_seen_at, g.events, g.amount_usd
FROM agg g
LEFT JOIN attempts a ON a.attempt_key = g.attempt_key
LEFT JOIN payment_links l ON l.node = g.payment_node
"""


# A refund's state is its latest decided one (a success can later be reversed); pending only if nothing else.
REFUNDS_SQL = _follow_up_sql(
    "refunds", "refund_key", "refund",
    """, COALESCE((array_agg(status_category ORDER BY t DESC, lake_created_at DESC, lake_id DESC)
                  FILTER (WHERE status_category <> 'PENDING'))[1], 'PENDING') AS status_category""",
    "g.status_category, g.raw_status",
)
DISPUTES_SQL = _follow_up_sql(
    "disputes", "dispute_key", "dispute",
    ", (array_agg(raw_reason_code ORDER BY t, lake_id) FILTER (WHERE raw_reason_code IS NOT NULL))[1] AS reason",
    "g.raw_status, g.reason",
)

def link_window(conn: psycopg.Connection, partition_key: str) -> None:
    """Add a window's rows to the payment groups; the payment keys whose group changed are left in the
    temporary table ``touched_payments`` (it stays in the database: memory does not grow with the window).

    Set-based, so memory does not grow with the window: the window's nodes start with their stored
    group's key (or themselves), each stored group joins the graph as one node (its key, standing for
    the members this window does not show), and the smallest label spreads along the rows' links
    between those groups and new nodes until nothing changes (as many rounds as the longest chain of
    links, a few). A link inside one stored group joins nothing new, so a window of known objects
    spreads nothing. A group's key stays its smallest node, so the result does not depend on the
    order windows are processed in.
    """
    conn.execute(
        """
        CREATE TEMP TABLE window_links ON COMMIT DROP AS
        SELECT DISTINCT payment_nodes[1] AS a, node AS b
        FROM normalized_events, unnest(payment_nodes) AS node
        WHERE partition_key = %s AND cardinality(payment_nodes) > 1 AND node <> payment_nodes[1]
        """,
        (partition_key,),
    )
    conn.execute(
        """
        CREATE TEMP TABLE window_nodes ON COMMIT DROP AS
        SELECT n.node, l.payment_key AS stored_key, COALESCE(l.payment_key, n.node) AS label
        FROM (SELECT DISTINCT node FROM normalized_events, unnest(payment_nodes) AS node
              WHERE partition_key = %s) n
        LEFT JOIN payment_links l USING (node)
        """,
        (partition_key,),
    )
    # A stored group's key stands for the members this window does not show.
    conn.execute(
        """
        INSERT INTO window_nodes
        SELECT DISTINCT stored_key, stored_key, stored_key FROM window_nodes w
        WHERE stored_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM window_nodes x WHERE x.node = w.stored_key);
        CREATE INDEX ON window_nodes (node);
        ANALYZE window_nodes;
        """
    )
    # Each link between two groups (a new node is its own group, named by its starting label) in both
    # directions, looked up by the group whose label spreads (a link listed twice spreads the same smallest
    # label, so duplicates are kept rather than sorted away). Only linked groups take part.
    conn.execute(
        """
        CREATE TEMP TABLE window_edges ON COMMIT DROP AS
        WITH group_links AS (
            SELECT x.label AS a, y.label AS b
            FROM window_links l JOIN window_nodes x ON x.node = l.a JOIN window_nodes y ON y.node = l.b
            WHERE x.label <> y.label
        )
        SELECT a AS node, b AS other FROM group_links UNION ALL SELECT b, a FROM group_links;
        CREATE INDEX ON window_edges (node);
        ANALYZE window_edges;
        """
    )
    # The first round needs no join: each linked group starts with the smallest of its own label and its
    # neighbours' (one aggregate over the edges, which list both directions), and the groups whose label fell
    # are the next round's frontier -- the state the first round of spreading from every group leaves.
    conn.execute(
        """
        CREATE TEMP TABLE group_labels ON COMMIT DROP AS
        SELECT node, LEAST(node, min(other)) AS label FROM window_edges GROUP BY node;
        CREATE INDEX ON group_labels (node);
        ANALYZE group_labels;
        CREATE TEMP TABLE label_frontier ON COMMIT DROP AS SELECT node, label FROM group_labels WHERE label < node;
        CREATE TEMP TABLE label_changed (node text, label text) ON COMMIT DROP;
        """
    )
    # Only the groups whose label just fell can lower their neighbours': each round spreads from those alone.
    while conn.execute(
        """
        WITH best AS (
            SELECT e.other AS node, min(f.label) AS label
            FROM label_frontier f JOIN window_edges e USING (node)
            GROUP BY e.other
        ), lowered AS (
            UPDATE group_labels g SET label = b.label FROM best b
            WHERE g.node = b.node AND b.label < g.label
            RETURNING g.node, g.label
        )
        INSERT INTO label_changed SELECT node, label FROM lowered
        """
    ).rowcount:
        conn.execute(
            "TRUNCATE label_frontier; INSERT INTO label_frontier SELECT DISTINCT ON (node) node, label "
            "FROM label_changed ORDER BY node, label; TRUNCATE label_changed"
        )
    # Every node takes its group's final label (a new table, not an update of every relabeled row; a group's
    # label never exceeds its starting one, so a linked group's final label is its label in group_labels).
    conn.execute(
        "CREATE TEMP TABLE window_labels ON COMMIT DROP AS "
        "SELECT w.node, w.stored_key, COALESCE(g.label, w.label) AS label "
        "FROM window_nodes w LEFT JOIN group_labels g ON g.node = w.label"
    )
    conn.execute(
        "INSERT INTO payment_links (node, payment_key) "
        "SELECT node, label FROM window_labels WHERE stored_key IS NULL ORDER BY node"
    )
    # The planner must see the links just added (the first window adds them all), or it joins as if empty.
    conn.execute("ANALYZE payment_links")
    relabeled = conn.execute(
        "CREATE TEMP TABLE relabel ON COMMIT DROP AS SELECT DISTINCT stored_key AS old_key, label AS new_key "
        "FROM window_labels WHERE stored_key IS NOT NULL AND label <> stored_key"
    ).rowcount
    if relabeled:
        for table in ("payment_links", "attempts", "refunds", "disputes"):
            conn.execute(f"UPDATE {table} t SET payment_key = r.new_key FROM relabel r WHERE t.payment_key = r.old_key")
    conn.execute(
        "CREATE TEMP TABLE touched_payments (payment_key text PRIMARY KEY) ON COMMIT DROP;"
        "INSERT INTO touched_payments SELECT label FROM window_labels WHERE stored_key IS NULL OR label <> stored_key "
        "UNION SELECT old_key FROM relabel"
    )


def _working_memory(conn: psycopg.Connection) -> None:
    """Room for the stage's temporary tables and hash joins (a window's nodes, a few hundred MB at 1M rows):
    PostgreSQL's defaults (8 MB and 4 MB) spill them to disk. Only for this transaction and session."""
    conn.execute(f"SET LOCAL work_mem = '{LIFECYCLE_WORK_MEM}'")
    try:
        with conn.transaction():  # refused once the session has used a temporary table: then it keeps its own
            conn.execute(f"SET LOCAL temp_buffers = '{LIFECYCLE_TEMP_BUFFERS}'")
    except psycopg.errors.InvalidParameterValue:
        pass


def rebuild_window_objects(conn: psycopg.Connection, window) -> set[str]:
    """Recompute every object the window's events are (or were) about; returns the windows whose rows changed."""
    _working_memory(conn)
    # The planner must know the window's events: the normalize stage has just replaced them, and until
    # autovacuum's next pass (up to a minute later, often after this stage has ended) it plans the joins below
    # as if the window held a few hundred events: nested loops with an index probe per event. ANALYZE reads a
    # sample (at most 30,000 rows, whatever the table's size); it changes plans, never rows. Here, not in the
    # normalize stage: this stage runs one at a time (lock), while windows normalize concurrently.
    conn.execute("ANALYZE normalized_events")
    link_window(conn, window.partition_key)
    # Filled first and indexed once (an index built from sorted keys, not a million single inserts).
    conn.execute(
        """
        CREATE TEMP TABLE touched_keys ON COMMIT DROP AS
        SELECT entity, key FROM lifecycle_touched WHERE partition_key = %(key)s
        UNION
        SELECT entity, key FROM normalized_events,
             LATERAL (VALUES ('attempt', attempt_key), ('refund', refund_key), ('dispute', dispute_key),
                             ('node', payment_node)) AS k(entity, key)
        WHERE partition_key = %(key)s AND key IS NOT NULL
        """,
        {"key": window.partition_key},
    )
    conn.execute("ALTER TABLE touched_keys ADD PRIMARY KEY (entity, key)")
    # Only the payments not yet listed are inserted (an anti-join, not a conflict check per row).
    conn.execute(
        "INSERT INTO touched_payments SELECT DISTINCT l.payment_key FROM touched_keys k "
        "JOIN payment_links l ON l.node = k.key WHERE k.entity = 'node' "
        "AND NOT EXISTS (SELECT 1 FROM touched_payments t WHERE t.payment_key = l.payment_key)"
    )
    conn.execute("ANALYZE touched_keys; ANALYZE touched_payments")
    touched = "SELECT key FROM touched_keys WHERE entity = '{}'".format
    # Attempts first; payments read them (and the attempts' old and new payments are touched too);
    # refunds and disputes read both.
    windows = _replace(conn, "attempts", "attempt_key", touched("attempt"), ATTEMPTS_SQL, remember_payments=True)
    windows |= _replace(conn, "payments", "payment_key", "SELECT payment_key FROM touched_payments", PAYMENTS_SQL)
    windows |= _replace(conn, "refunds", "refund_key", touched("refund"), REFUNDS_SQL)
    windows |= _replace(conn, "disputes", "dispute_key", touched("dispute"), DISPUTES_SQL)
    conn.execute("DELETE FROM lifecycle_touched WHERE partition_key = %s", (window.partition_key,))
    return windows


def _replace(conn: psycopg.Connection, table: str, key: str, keys_query: str, insert: str,
             remember_payments: bool = False) -> set[str]:
    """Delete and recompute the objects named by ``keys_query``; returns the windows whose rows differ."""
    conn.execute(f"CREATE TEMP TABLE old_{table} ON COMMIT DROP AS SELECT * FROM {table} WHERE {key} IN ({keys_query})")
    conn.execute(f"DELETE FROM {table} WHERE {key} IN ({keys_query})")
    conn.execute(insert)
    if remember_payments:
        # An attempt that moved between payments (or left one) changes both payments.
        conn.execute(
            f"INSERT INTO touched_payments SELECT payment_key FROM (SELECT payment_key FROM old_{table} UNION "
            f"SELECT payment_key FROM {table} WHERE {key} IN ({keys_query})) p "
            "WHERE NOT EXISTS (SELECT 1 FROM touched_payments t WHERE t.payment_key = p.payment_key)"
        )
    # A row differs when its key's old and new rows are not equal column by column (NULLs equal, as EXCEPT
    # compares them), or when only one of them exists: one hash join on the key, not two sorts of whole rows.
    # Both windows of a changed row changed (partition_key is never NULL, so a missing side adds none).
    changed = conn.execute(
        f"""
        SELECT DISTINCT w.partition_key
        FROM old_{table} o
        FULL JOIN (SELECT * FROM {table} WHERE {key} IN ({keys_query})) n ON n.{key} = o.{key},
             LATERAL (VALUES (o.partition_key), (n.partition_key)) AS w(partition_key)
        WHERE o IS DISTINCT FROM n AND w.partition_key IS NOT NULL
        """
    ).fetchall()
    return {row[0] for row in changed}


def lock(conn: psycopg.Connection) -> None:
    """The lifecycle tables are shared by every window: one lifecycle run at a time holds this lock."""
    lock_window(conn, "payment_lifecycle", "all windows")


def record_restatements(conn: psycopg.Connection, partition_key: str, restated: list[str]) -> None:
    """Replace the windows the run of ``partition_key`` restated."""
    conn.execute("DELETE FROM window_restatements WHERE partition_key = %s", (partition_key,))
    copy_in(conn, "window_restatements", ("partition_key", "restated_partition_key"),
            ((partition_key, key) for key in restated))


def restated_windows(conn: psycopg.Connection, partition_keys: list[str]) -> set[str]:
    """The windows the lifecycle runs of ``partition_keys`` restated."""
    return {row[0] for row in conn.execute(
        "SELECT restated_partition_key FROM window_restatements WHERE partition_key = ANY(%s)", (partition_keys,)
    )}


def object_counts(conn: psycopg.Connection, partition_key: str) -> dict[str, int]:
    """The window's attempts, payments, refunds and disputes."""
    return dict(conn.execute(
        """
        SELECT 'attempts', count(*) FROM attempts WHERE partition_key = %(k)s
        UNION ALL SELECT 'payments', count(*) FROM payments WHERE partition_key = %(k)s
        UNION ALL SELECT 'refunds', count(*) FROM refunds WHERE partition_key = %(k)s
        UNION ALL SELECT 'disputes', count(*) FROM disputes WHERE partition_key = %(k)s
        """,
        {"k": partition_key},
    ).fetchall())
