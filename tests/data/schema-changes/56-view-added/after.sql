-- A new view over an existing table.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE VIEW long_books AS SELECT id, title FROM books WHERE pages > 300;
