CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100)  NOT NULL,
    code VARCHAR(20) COLLATE utf8mb4_bin
);

CREATE VIEW titles AS SELECT id, title, code FROM books;
