-- A stored generated column gets another expression, and another is added.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    price INTEGER NOT NULL,
    copies INTEGER NOT NULL,
    total INTEGER GENERATED ALWAYS AS (price * copies + 1) STORED,
    double_price INTEGER GENERATED ALWAYS AS (price * 2) STORED
);
