-- A new sequence that belongs to a column (OWNED BY), without being its default.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE SEQUENCE page_numbers OWNED BY books.pages;
