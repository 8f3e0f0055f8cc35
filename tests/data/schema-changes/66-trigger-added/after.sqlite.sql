-- A new trigger (with its function on PostgreSQL).
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE TABLE audit (id INTEGER NOT NULL PRIMARY KEY, book_id INTEGER, action VARCHAR(20));

CREATE TRIGGER books_audit AFTER INSERT ON books BEGIN INSERT INTO audit (book_id, action) VALUES (NEW.id, 'insert'); END;
