-- An enum loses a value: the type is made anew and its column retyped, so the view over
-- the column is dropped first and made again.
CREATE TYPE book_format AS ENUM ('paper', 'ebook');

CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER,
    format book_format NOT NULL DEFAULT 'paper'
);

CREATE VIEW formats AS SELECT id, format FROM books;
