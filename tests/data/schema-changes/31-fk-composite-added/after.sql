-- A two-column foreign key to a composite primary key, with an index on its columns.
CREATE TABLE bins (
    warehouse_id INTEGER NOT NULL,
    bin_code VARCHAR(10) NOT NULL,
    capacity INTEGER NOT NULL,
    PRIMARY KEY (warehouse_id, bin_code)
);

CREATE TABLE stock_items (
    id INTEGER NOT NULL PRIMARY KEY,
    warehouse_id INTEGER NOT NULL,
    bin_code VARCHAR(10) NOT NULL,
    quantity INTEGER NOT NULL,
    CONSTRAINT fk_stock_items_bin FOREIGN KEY (warehouse_id, bin_code)
        REFERENCES bins (warehouse_id, bin_code)
);

CREATE INDEX ix_stock_items_bin ON stock_items (warehouse_id, bin_code);
