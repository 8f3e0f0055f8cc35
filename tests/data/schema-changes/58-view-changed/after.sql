-- The same view with another condition and one more column.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE VIEW long_books AS SELECT id, title, pages FROM books WHERE pages > 400;
