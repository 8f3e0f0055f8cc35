-- A sequence gets another increment, bounds and CYCLE.
CREATE SEQUENCE book_codes START WITH 1000 INCREMENT BY 5 MAXVALUE 99999 CYCLE;

CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);
