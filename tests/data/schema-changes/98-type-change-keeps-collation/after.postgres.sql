-- A column with a collation of its own gets a longer type and keeps its collation.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    code VARCHAR(40) COLLATE "C" NOT NULL
);
