-- upgrade
-- Runs always: after the pending versioned files of every upgrade, rebuild the snapshot.
DELETE FROM book_stats;
INSERT INTO book_stats (book_id, copies_sold, revenue_cents, in_stock, refreshed_at)
SELECT v.book_id, v.copies_sold, v.revenue_cents, b.stock, CURRENT_TIMESTAMP
FROM sales_by_book v
JOIN books b ON b.id = v.book_id;

-- rollback
-- Repeatable files are never rolled back.
