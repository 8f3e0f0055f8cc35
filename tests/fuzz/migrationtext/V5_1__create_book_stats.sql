-- upgrade
-- A snapshot of sales per book, filled once here.
CREATE TABLE book_stats (
    book_id INTEGER PRIMARY KEY REFERENCES books (id),
    copies_sold INTEGER NOT NULL,
    revenue_cents INTEGER NOT NULL,
    in_stock INTEGER NOT NULL,
    refreshed_at TEXT NOT NULL
);
INSERT INTO book_stats (book_id, copies_sold, revenue_cents, in_stock, refreshed_at)
SELECT v.book_id, v.copies_sold, v.revenue_cents, b.stock, CURRENT_TIMESTAMP
FROM sales_by_book v
JOIN books b ON b.id = v.book_id;

-- rollback
DROP TABLE book_stats;
