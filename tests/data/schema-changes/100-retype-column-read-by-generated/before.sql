CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    price INTEGER NOT NULL,
    copies INTEGER NOT NULL,
    total BIGINT GENERATED ALWAYS AS (price * copies) STORED
);

CREATE INDEX books_total ON books (total);
