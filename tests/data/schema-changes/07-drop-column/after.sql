-- A column with values dropped from the middle of a table (the rollback brings it back empty).
CREATE TABLE customers (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(200)
);
