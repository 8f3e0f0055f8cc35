-- A view that another view reads changes: the reader is dropped first and made again.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE VIEW titles AS SELECT id, title, pages FROM books;

CREATE VIEW short_titles AS SELECT id, title FROM titles WHERE id < 3;
