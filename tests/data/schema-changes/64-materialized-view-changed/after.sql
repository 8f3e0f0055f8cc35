-- A materialized view gets another definition and an index.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE MATERIALIZED VIEW page_counts AS SELECT pages, count(*) AS n, max(id) AS last_id FROM books GROUP BY pages;

CREATE UNIQUE INDEX page_counts_pages ON page_counts (pages);
