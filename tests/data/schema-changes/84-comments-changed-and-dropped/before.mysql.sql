CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL COMMENT 'as printed on the cover',
    pages INTEGER COMMENT 'counted with the index, it''s \\ long'
) COMMENT = 'one row per edition';
