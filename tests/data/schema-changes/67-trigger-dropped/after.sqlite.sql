-- A trigger goes (with its function on PostgreSQL).
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE TABLE audit (id INTEGER NOT NULL PRIMARY KEY, book_id INTEGER, action VARCHAR(20));
