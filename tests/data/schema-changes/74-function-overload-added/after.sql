-- A second function of the same name with other arguments: an overload, kept apart.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE FUNCTION label(n INTEGER) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$ SELECT 'n' || n $$;

CREATE FUNCTION label(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$ SELECT 't' || t $$;
