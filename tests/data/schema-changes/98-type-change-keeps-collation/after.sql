-- A column with a collation of its own gets a longer type and keeps its collation (a rebuild).
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    code VARCHAR(40) COLLATE NOCASE NOT NULL
);
