-- A generated column with an index and a check gets another expression: where the column is
-- dropped and added again, its index and check are made again with it.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    price INTEGER NOT NULL,
    copies INTEGER NOT NULL,
    total INTEGER GENERATED ALWAYS AS (price * copies + 1) STORED,
    CONSTRAINT books_total_positive CHECK (total >= 0)
);

CREATE INDEX books_total ON books (total);
