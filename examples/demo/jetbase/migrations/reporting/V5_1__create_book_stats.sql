-- upgrade
-- A snapshot table that RA__refresh_stats.sql fills on every upgrade.
CREATE TABLE book_stats (
    book_id INTEGER PRIMARY KEY REFERENCES books (id),
    copies_sold INTEGER NOT NULL,
    revenue_cents INTEGER NOT NULL,
    in_stock INTEGER NOT NULL,
    refreshed_at TEXT NOT NULL
);

-- rollback
DROP TABLE book_stats;
