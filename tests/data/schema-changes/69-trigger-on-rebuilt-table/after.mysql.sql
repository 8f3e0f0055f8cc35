-- A trigger on a table whose column changes type: on SQLite the rebuild drops it and
-- it is made again.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(300) NOT NULL,
    pages INTEGER
);

CREATE TABLE audit (id INTEGER NOT NULL PRIMARY KEY, book_id INTEGER, action VARCHAR(20));

CREATE TRIGGER books_audit AFTER INSERT ON books FOR EACH ROW INSERT INTO audit (id, book_id, action) VALUES (NEW.id, NEW.id, 'insert');
