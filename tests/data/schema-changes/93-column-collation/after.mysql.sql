-- A column gets a collation of its own, another goes back to its table's.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) COLLATE utf8mb4_bin NOT NULL,
    code VARCHAR(20) 
);

CREATE VIEW titles AS SELECT id, title, code FROM books;
