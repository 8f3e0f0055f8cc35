-- upgrade
CREATE TABLE books (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE RESTRICT,
    title TEXT NOT NULL,
    published_year INTEGER CHECK (published_year BETWEEN 1400 AND 2100),
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0)
);

CREATE INDEX ix_books_author_id ON books (author_id);

-- rollback
DROP INDEX ix_books_author_id;
DROP TABLE books;
