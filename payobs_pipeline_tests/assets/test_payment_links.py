"""Payment groups on real PostgreSQL: rows sharing any node form one payment, whatever the window order."""

import itertools
import random

import pytest

from payobs_pipeline.warehouse.lifecycle import link_window
from payobs_pipeline.resources.warehouse import WarehouseDatabase

pytestmark = pytest.mark.database


def _link(conn, windows: list[list[tuple[str, ...]]]) -> dict[str, str]:
    """Link the windows' rows one window after another, as the lifecycle stage does; the stored groups."""
    conn.execute("TRUNCATE normalized_events, payment_links")
    for number, rows in enumerate(windows):
        conn.execute(
            "INSERT INTO normalized_events (lake_id, partition_key, lake_created_at, provider, status_category,"
            " normalization_method, confidence, event_kind, payment_nodes, payment_node)"
            " SELECT gen_random_uuid(), %s, now(), 'p', 'APPROVED', 'test', 1, 'AUTHORIZATION', n, n[1]"
            " FROM unnest(%s::text[]) AS r(t), LATERAL (SELECT string_to_array(r.t, ',') AS n) x",
            (f"w{number}", [",".join(row) for row in rows]),
        )
        link_window(conn, f"w{number}")
        conn.commit()  # the stage's transaction ends with the window
    return dict(conn.execute("SELECT node, payment_key FROM payment_links"))


@pytest.fixture
def conn(warehouse_url):
    warehouse = WarehouseDatabase(url=warehouse_url)
    warehouse.migrate()
    with warehouse.connection() as connection:
        yield connection


def test_rows_sharing_any_node_form_one_payment_named_by_its_smallest_node(conn):
    groups = _link(conn, [[("a:s:ch_2", "p:s:pi_1"), ("a:s:ch_9",)], [("a:s:ch_1", "t:uuid-1")],
                          [("p:s:pi_1", "t:uuid-1")]])
    assert groups == {"a:s:ch_2": "a:s:ch_1", "p:s:pi_1": "a:s:ch_1", "a:s:ch_1": "a:s:ch_1",
                      "t:uuid-1": "a:s:ch_1", "a:s:ch_9": "a:s:ch_9"}


def test_a_window_joining_two_stored_groups_through_members_it_does_not_show(conn):
    # The second window links x to a and y to b; a and b were one group already: all four are one payment.
    groups = _link(conn, [[("a:s:k", "a:s:m", "a:s:n")], [("a:s:z", "a:s:m"), ("a:s:y", "a:s:n")]])
    assert set(groups.values()) == {"a:s:k"}


def test_payment_groups_do_not_depend_on_the_order_windows_are_processed(conn):
    rng = random.Random(7)
    nodes = [f"{kind}:{i:02d}" for kind in "apt" for i in range(12)]
    rows = [tuple(rng.sample(nodes, rng.randint(1, 3))) for _ in range(24)]
    windows = [rows[i:i + 6] for i in range(0, 24, 6)]
    results = {tuple(sorted(_link(conn, list(order)).items())) for order in itertools.permutations(windows)}
    assert len(results) == 1
