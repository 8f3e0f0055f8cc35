-- DATE to TIMESTAMP (times at midnight, so the rollback to DATE keeps every value).
CREATE TABLE events (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    happened_on TIMESTAMP
);
