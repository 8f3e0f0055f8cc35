-- The rowid alias becomes AUTOINCREMENT (a rebuild: SQLite cannot ALTER it).
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title VARCHAR(100) NOT NULL
);
