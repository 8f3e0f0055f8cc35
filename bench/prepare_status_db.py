"""Marks the first N of the generated migrations as applied in one SQLite file, the way each
tool would have recorded them (Jetbase's jetbase_migrations with its checksums, dbmate's
schema_migrations), and creates their tables, so that the status benchmark starts from the same
database for both tools without spending minutes applying 9,000 files first."""
import hashlib
import sqlite3
import sys

from generate import sql_for


def jetbase_checksum(up_sql):
    statements = [line.strip().rstrip(";").strip() for line in up_sql.splitlines() if line.strip()]
    return hashlib.sha256("\n".join(statements).encode()).hexdigest()


def main():
    db_path, applied = sys.argv[1], int(sys.argv[2])
    db = sqlite3.connect(db_path)
    db.executescript("""
        CREATE TABLE jetbase_migrations (
            order_executed INTEGER PRIMARY KEY AUTOINCREMENT,
            version TEXT, description TEXT, filename TEXT NOT NULL,
            migration_type TEXT NOT NULL,
            applied_at TEXT DEFAULT (STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')),
            checksum TEXT);
        CREATE TABLE schema_migrations (version VARCHAR(128) PRIMARY KEY);
    """)
    for i in range(1, applied + 1):
        up, _ = sql_for(i)
        db.executescript(up)
        db.execute("INSERT INTO jetbase_migrations (version, description, filename, migration_type,"
                   " checksum) VALUES (?, ?, ?, 'VERSIONED', ?)",
                   (str(i), f"create t{i}", f"V{i}__create_t{i}.sql", jetbase_checksum(up)))
        db.execute("INSERT INTO schema_migrations (version) VALUES (?)", (f"{i:06d}",))
    db.commit()


if __name__ == "__main__":
    main()
