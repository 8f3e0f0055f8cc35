-- A desired schema for `tidemark --cli diff` and `make-migrations --schema desired.sql` (see
-- README "Comparing schemas and generating migrations").
CREATE TABLE authors (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    full_name TEXT NOT NULL,
    country TEXT,
    biography TEXT,
    website TEXT,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX ux_authors_name ON authors (full_name);
CREATE TABLE books (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    author_id INTEGER NOT NULL REFERENCES authors (id),
    title TEXT NOT NULL,
    published_year INTEGER,
    price_cents INTEGER NOT NULL DEFAULT 0,
    stock INTEGER NOT NULL DEFAULT 0
);
-- Kept: the runs-always file RA__record_upgrade.sql creates it on every upgrade.
CREATE TABLE upgrade_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    upgraded_at TEXT NOT NULL
);
