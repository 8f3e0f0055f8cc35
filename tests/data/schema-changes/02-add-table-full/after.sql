-- A new table with everything at once: defaults, a composite unique constraint, a named check,
-- a named foreign key with ON DELETE CASCADE and a two-column index.
CREATE TABLE customers (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE orders (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    order_no VARCHAR(20) NOT NULL,
    region VARCHAR(10) NOT NULL DEFAULT 'north',
    quantity INTEGER NOT NULL DEFAULT 1,
    total NUMERIC(12,2),
    note VARCHAR(200),
    CONSTRAINT uq_orders_customer_no UNIQUE (customer_id, order_no),
    CONSTRAINT ck_orders_quantity CHECK (quantity > 0),
    CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
        ON DELETE CASCADE
);

CREATE INDEX ix_orders_region_total ON orders (region, total);
