-- A table comment changes, a column comment goes, one with a quote and a backslash stays.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

COMMENT ON TABLE books IS 'one row per book';

COMMENT ON COLUMN books.pages IS 'counted with the index, it''s \ long';
