-- A table goes but the sequence it owned stays, without an owner (released first, or the
-- DROP TABLE would take it along).
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE SEQUENCE shelf_numbers;
