CREATE TABLE counters (
    id INTEGER NOT NULL PRIMARY KEY,
    total INTEGER,
    code VARCHAR(20)
);
