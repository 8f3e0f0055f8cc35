-- A column-level UNIQUE constraint dropped (SQLite cannot drop its automatic index: a rebuild).
CREATE TABLE accounts (
    id INTEGER NOT NULL PRIMARY KEY,
    username VARCHAR(40) NOT NULL,
    display_name VARCHAR(100)
);
