-- A table goes, and the sequence it owned (OWNED BY NONE first, so that DROP SEQUENCE
-- finds it).
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);
