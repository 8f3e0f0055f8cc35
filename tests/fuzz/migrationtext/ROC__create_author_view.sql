-- upgrade
-- Runs on change: re-created whenever this file changes. Edit the SELECT and upgrade again.
DROP VIEW IF EXISTS author_catalogue;
CREATE VIEW author_catalogue AS
SELECT a.name AS author,
       a.country,
       COUNT(b.id) AS titles,
       COALESCE(SUM(b.stock), 0) AS copies_in_stock
FROM authors a
LEFT JOIN books b ON b.author_id = a.id
GROUP BY a.id, a.name, a.country;

-- rollback
-- Repeatable files are never rolled back.
