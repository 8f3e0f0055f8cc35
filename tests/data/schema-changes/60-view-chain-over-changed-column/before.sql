CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE VIEW titles AS SELECT id, title FROM books;

CREATE VIEW short_titles AS SELECT id FROM titles WHERE id < 3;
