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
    quantity INTEGER NOT NULL
);
