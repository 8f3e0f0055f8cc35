-- A column that two indexes use is dropped, and so are the indexes (SQLite's DROP COLUMN refuses
-- an indexed column; MariaDB would keep the two-column index as an index on name alone).
CREATE TABLE products (
    id INTEGER NOT NULL PRIMARY KEY,
    sku VARCHAR(20) NOT NULL,
    name VARCHAR(100) NOT NULL
);
