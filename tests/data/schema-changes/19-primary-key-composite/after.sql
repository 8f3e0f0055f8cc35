-- A single-column primary key becomes a composite one over two other columns.
CREATE TABLE order_lines (
    id INTEGER NOT NULL,
    order_id INTEGER NOT NULL,
    line_no INTEGER NOT NULL,
    product VARCHAR(100) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
