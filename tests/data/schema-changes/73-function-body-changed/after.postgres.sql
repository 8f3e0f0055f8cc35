-- A function body changes.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE FUNCTION with_tax(amount NUMERIC) RETURNS NUMERIC LANGUAGE sql IMMUTABLE AS $$ SELECT amount * 1.25 $$;
