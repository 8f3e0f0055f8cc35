CREATE TYPE book_format AS ENUM ('paper', 'ebook', 'scroll');

CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER,
    format book_format NOT NULL DEFAULT 'paper'
);

CREATE VIEW formats AS SELECT id, format FROM books;
