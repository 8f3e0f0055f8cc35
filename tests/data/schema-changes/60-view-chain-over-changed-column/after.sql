-- A view over a view over a changed column: both are made again, in their order.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(150) NOT NULL,
    pages BIGINT
);

CREATE VIEW titles AS SELECT id, title FROM books;

CREATE VIEW short_titles AS SELECT id FROM titles WHERE id < 3;
