-- A function returns another type: CREATE OR REPLACE cannot do that, it is dropped and made again.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE FUNCTION page_count(b INTEGER) RETURNS BIGINT LANGUAGE sql STABLE AS $$ SELECT pages::bigint FROM books WHERE id = b $$;
