"""The case store's tables are exactly the contract: SSD names and order, typed, with org_code and batch_id last."""

from lineofsight.formats.ssd_tables import SQL_TYPE_BY_KIND, TABLES
from lineofsight.store import open_store


def test_every_table_has_the_contract_columns_in_order_with_org_and_batch_last(tmp_path):
    connection = open_store(tmp_path / "store.duckdb")
    for name, columns in TABLES.items():
        described = connection.execute(f"DESCRIBE {name}").fetchall()
        expected = [(column, SQL_TYPE_BY_KIND[kind]) for column, kind in columns.items()] + [("org_code", "VARCHAR"), ("batch_id", "BIGINT")]
        assert [(row[0], row[1]) for row in described] == expected, name


def test_opening_twice_keeps_the_data(tmp_path):
    path = tmp_path / "store.duckdb"
    connection = open_store(path)
    connection.execute("INSERT INTO ssd_department VALUES ('T1', 'Team', NULL, NULL, 'X', 1)")
    connection.close()
    assert open_store(path).execute("SELECT count(*) FROM ssd_department").fetchone()[0] == 1


def test_there_are_twenty_one_ssd_tables_and_seven_local_tables(tmp_path):
    names = {row[0] for row in open_store(tmp_path / "s.duckdb").execute("SHOW TABLES").fetchall()}
    assert len([n for n in names if n.startswith("ssd_")]) == 21
    assert len([n for n in names if n.startswith("local_")]) == 7
    assert "load_batches" in names


def test_read_only_open_of_a_new_store_sees_every_table(tmp_path):
    connection = open_store(tmp_path / "new.duckdb", read_only=True)
    assert connection.execute("SELECT count(*) FROM ssd_person").fetchone() == (0,)
