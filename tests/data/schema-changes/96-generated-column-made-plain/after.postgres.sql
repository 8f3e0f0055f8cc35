-- A generated column becomes a plain column that keeps its values.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    price INTEGER NOT NULL,
    copies INTEGER NOT NULL,
    total INTEGER,
    label VARCHAR(40)
);
