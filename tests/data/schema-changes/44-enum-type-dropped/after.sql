-- The column using an enum is dropped, and the enum type with it.
CREATE TABLE tickets (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL
);
