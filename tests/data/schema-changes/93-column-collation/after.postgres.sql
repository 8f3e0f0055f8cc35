-- A column gets a collation of its own, another goes back to its type's default; the view over
-- them is made again around the change on PostgreSQL.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) COLLATE "C" NOT NULL,
    code VARCHAR(20) 
);

CREATE VIEW titles AS SELECT id, title, code FROM books;
