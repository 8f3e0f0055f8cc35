CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE VIEW page_counts AS SELECT pages, count(*) AS n FROM books GROUP BY pages;
