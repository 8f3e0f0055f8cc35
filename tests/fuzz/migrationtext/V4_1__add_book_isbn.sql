-- upgrade
ALTER TABLE books ADD COLUMN isbn TEXT;

CREATE UNIQUE INDEX ux_books_isbn ON books (isbn);

-- rollback
DROP INDEX ux_books_isbn;
ALTER TABLE books DROP COLUMN isbn;
