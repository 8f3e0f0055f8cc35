CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

COMMENT ON TABLE books IS 'one row per edition';

COMMENT ON COLUMN books.title IS 'as printed on the cover';

COMMENT ON COLUMN books.pages IS 'counted with the index, it''s \ long';
