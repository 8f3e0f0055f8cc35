-- upgrade
-- Copies sold and revenue per book, for the reports.
CREATE VIEW sales_by_book AS
SELECT b.id AS book_id,
       b.title,
       a.name AS author,
       COALESCE(SUM(s.quantity), 0) AS copies_sold,
       COALESCE(SUM(s.quantity), 0) * b.price_cents AS revenue_cents
FROM books b
JOIN authors a ON a.id = b.author_id
LEFT JOIN sales s ON s.book_id = b.id
GROUP BY b.id, b.title, a.name, b.price_cents;

-- rollback
DROP VIEW sales_by_book;
