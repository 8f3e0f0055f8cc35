-- upgrade
INSERT INTO books (author_id, title, published_year, price_cents, stock, isbn)
SELECT id, 'The Third Policeman', 1967, 1299, 12, '978-1-56478-214-5' FROM authors WHERE name = 'Flann O''Brien';
INSERT INTO books (author_id, title, published_year, price_cents, stock, isbn)
SELECT id, 'A Wizard of Earthsea', 1968, 999, 20, '978-0-547-77374-2' FROM authors WHERE name = 'Ursula K. Le Guin';
INSERT INTO books (author_id, title, published_year, price_cents, stock, isbn)
SELECT id, 'The Dispossessed: An Ambiguous Utopia', 1974, 1499, 8, '978-0-06-051275-7' FROM authors WHERE name = 'Ursula K. Le Guin';
INSERT INTO books (author_id, title, published_year, price_cents, stock, isbn)
SELECT id, 'Invisible Cities', 1972, 1150, 15, '978-0-15-645380-6' FROM authors WHERE name = 'Italo Calvino';
INSERT INTO books (author_id, title, published_year, price_cents, stock, isbn)
SELECT id, 'Americanah', 2013, 1699, 10, '978-0-307-45592-1' FROM authors WHERE name = 'Chimamanda Ngozi Adichie';

-- The trigger from V4 takes these copies out of stock.
INSERT INTO sales (book_id, quantity) SELECT id, 3 FROM books WHERE isbn = '978-1-56478-214-5';
INSERT INTO sales (book_id, quantity) SELECT id, 5 FROM books WHERE isbn = '978-0-547-77374-2';
INSERT INTO sales (book_id, quantity) SELECT id, 1 FROM books WHERE isbn = '978-0-06-051275-7';
INSERT INTO sales (book_id, quantity) SELECT id, 2 FROM books WHERE isbn = '978-0-15-645380-6';
INSERT INTO sales (book_id, quantity) SELECT id, 4 FROM books WHERE isbn = '978-0-547-77374-2';

-- rollback
DELETE FROM sales WHERE book_id IN (SELECT id FROM books WHERE isbn IN ('978-1-56478-214-5', '978-0-547-77374-2', '978-0-06-051275-7', '978-0-15-645380-6', '978-0-307-45592-1'));
DELETE FROM books WHERE isbn IN ('978-1-56478-214-5', '978-0-547-77374-2', '978-0-06-051275-7', '978-0-15-645380-6', '978-0-307-45592-1');
