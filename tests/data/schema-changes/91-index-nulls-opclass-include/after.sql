-- PostgreSQL index options: an operator class, NULLS FIRST/LAST against the direction's
-- default, and INCLUDE columns.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE INDEX ix_books_pages ON books (pages NULLS FIRST);

CREATE INDEX ix_books_title ON books (title varchar_pattern_ops, pages DESC NULLS LAST) INCLUDE (id);
