-- The identity column becomes a plain integer key.
CREATE TABLE tickets (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL
);
