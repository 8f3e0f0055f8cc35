-- A materialized view with an index of its own (PostgreSQL).
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE MATERIALIZED VIEW page_counts AS SELECT pages, count(*) AS n FROM books GROUP BY pages;

CREATE INDEX page_counts_pages ON page_counts (pages);
