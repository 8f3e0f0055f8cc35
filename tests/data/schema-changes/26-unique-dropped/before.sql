CREATE TABLE accounts (
    id INTEGER NOT NULL PRIMARY KEY,
    username VARCHAR(40) NOT NULL UNIQUE,
    display_name VARCHAR(100)
);
