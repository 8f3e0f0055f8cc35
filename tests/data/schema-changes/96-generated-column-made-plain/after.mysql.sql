-- Generated columns, one stored and one virtual, become plain columns that keep their values.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    price INTEGER NOT NULL,
    copies INTEGER NOT NULL,
    total INTEGER,
    label VARCHAR(40)
);
