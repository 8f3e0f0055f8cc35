-- A sequence of its own, and a column whose default calls it: the sequence comes first.
CREATE SEQUENCE book_codes START WITH 1000 INCREMENT BY 10;

CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER,
    code BIGINT DEFAULT nextval('book_codes')
);
