CREATE TABLE events (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    happened_on DATE
);
