-- A new procedure.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE PROCEDURE add_book(new_id INTEGER, new_title VARCHAR(100)) LANGUAGE sql AS $$
    INSERT INTO books (id, title) VALUES (new_id, new_title)
$$;
