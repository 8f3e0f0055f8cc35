-- A named table-level CHECK and an unnamed column-level one added; every row satisfies both.
CREATE TABLE products (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    price NUMERIC(10,2) NOT NULL,
    stock INTEGER NOT NULL CHECK (stock >= 0),
    CONSTRAINT ck_products_price CHECK (price > 0)
);
