CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    price INTEGER NOT NULL,
    copies INTEGER NOT NULL,
    total INTEGER GENERATED ALWAYS AS (price * copies) STORED,
    label VARCHAR(40) GENERATED ALWAYS AS (concat('book ', id)) VIRTUAL
);
