-- upgrade
CREATE TABLE sales (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    book_id INTEGER NOT NULL REFERENCES books (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    sold_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX ix_sales_book_id ON sales (book_id);

-- Every sale takes its copies out of stock. The body's ';' must not end the statement.
CREATE TRIGGER trg_sales_take_stock
AFTER INSERT ON sales
FOR EACH ROW
BEGIN
    UPDATE books SET stock = stock - NEW.quantity WHERE id = NEW.book_id;
END;

-- rollback
DROP TRIGGER trg_sales_take_stock;
DROP INDEX ix_sales_book_id;
DROP TABLE sales;
