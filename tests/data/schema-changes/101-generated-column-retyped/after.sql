-- A generated column gets a wider type and keeps its expression.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    price INTEGER NOT NULL,
    copies INTEGER NOT NULL,
    total BIGINT GENERATED ALWAYS AS (price * copies) STORED
);
