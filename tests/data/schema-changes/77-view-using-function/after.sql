-- A view that calls a new function: the function comes first.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE FUNCTION with_tax(amount NUMERIC) RETURNS NUMERIC LANGUAGE sql IMMUTABLE AS $$ SELECT amount * 1.2 $$;

CREATE VIEW priced AS SELECT id, with_tax(pages) AS price FROM books;
