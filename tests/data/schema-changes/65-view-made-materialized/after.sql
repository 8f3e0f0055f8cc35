-- A plain view becomes a materialized one of the same name.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE MATERIALIZED VIEW page_counts AS SELECT pages, count(*) AS n FROM books GROUP BY pages;
