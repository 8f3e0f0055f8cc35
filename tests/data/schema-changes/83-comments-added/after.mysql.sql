-- Comments on a table and a column.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL COMMENT 'as printed on the cover',
    pages INTEGER
) COMMENT = 'one row per edition';
