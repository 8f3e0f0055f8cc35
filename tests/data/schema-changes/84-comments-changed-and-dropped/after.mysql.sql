-- A table comment changes, a column comment goes, one with a quote and a backslash stays.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER COMMENT 'counted with the index, it''s \\ long'
) COMMENT = 'one row per book';
