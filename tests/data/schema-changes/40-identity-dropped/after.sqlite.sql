-- AUTOINCREMENT dropped: a plain rowid alias again.
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    title VARCHAR(100) NOT NULL
);
