-- A column that a generated column reads gets a wider type: PostgreSQL refuses that while the
-- generated column is there, so it is dropped and added again around the change, with its index.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    price BIGINT NOT NULL,
    copies INTEGER NOT NULL,
    total BIGINT GENERATED ALWAYS AS (price * copies) STORED
);

CREATE INDEX books_total ON books (total);
