CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE INDEX ix_books_pages ON books (pages, title);
