-- A view that calls a new function: the function comes first.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE FUNCTION with_tax(amount DECIMAL(10,2)) RETURNS DECIMAL(10,2) DETERMINISTIC RETURN amount * 1.2;

CREATE VIEW priced AS SELECT id, with_tax(pages) AS price FROM books;
