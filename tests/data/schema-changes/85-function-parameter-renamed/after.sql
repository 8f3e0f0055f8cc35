-- A parameter is renamed: the same routine (PostgreSQL tells overloads apart by types),
-- which CREATE OR REPLACE cannot change, so it is dropped and made again.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE FUNCTION pages_of(book_id INTEGER) RETURNS INTEGER LANGUAGE sql STABLE AS $$ SELECT pages FROM books WHERE id = book_id $$;
