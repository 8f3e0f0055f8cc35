CREATE TABLE measurements (
    id INTEGER NOT NULL PRIMARY KEY,
    small_count SMALLINT,
    reading INTEGER NOT NULL,
    label VARCHAR(50),
    amount NUMERIC(8,2)
);
