-- A new procedure.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE PROCEDURE add_book(IN new_id INTEGER, IN new_title VARCHAR(100))
BEGIN
    INSERT INTO books (id, title) VALUES (new_id, new_title);
END;
