CREATE TABLE order_lines (
    id INTEGER NOT NULL PRIMARY KEY,
    order_id INTEGER NOT NULL,
    line_no INTEGER NOT NULL,
    product VARCHAR(100) NOT NULL
);
