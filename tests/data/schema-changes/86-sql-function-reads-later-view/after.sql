-- A SQL function whose body reads a view that is made after it: bodies are checked
-- when they run (check_function_bodies off for the file).
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE VIEW long_books AS SELECT id, title FROM books WHERE pages > 300;

CREATE FUNCTION long_book_count() RETURNS BIGINT LANGUAGE sql STABLE AS $$ SELECT count(*) FROM long_books $$;
