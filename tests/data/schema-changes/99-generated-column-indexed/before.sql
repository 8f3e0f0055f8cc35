CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    price INTEGER NOT NULL,
    copies INTEGER NOT NULL,
    total INTEGER GENERATED ALWAYS AS (price * copies) STORED,
    CONSTRAINT books_total_positive CHECK (total >= 0)
);

CREATE INDEX books_total ON books (total);
