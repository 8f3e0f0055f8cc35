-- The column a view reads changes type: the view is dropped first and made again
-- (PostgreSQL refuses the ALTER otherwise; SQLite rebuilds the table).
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    pages INTEGER
);

CREATE VIEW titles AS SELECT id, title FROM books;
