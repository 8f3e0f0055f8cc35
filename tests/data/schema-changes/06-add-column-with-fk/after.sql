-- A new nullable column that references another table (SQLite: ALTER TABLE ADD COLUMN ...
-- REFERENCES is allowed when the default is NULL).
CREATE TABLE authors (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    author_id INTEGER,
    CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE SET NULL
);
