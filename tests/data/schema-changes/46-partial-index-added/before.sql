CREATE TABLE jobs (
    id INTEGER NOT NULL PRIMARY KEY,
    queue VARCHAR(20) NOT NULL,
    status VARCHAR(10) NOT NULL,
    external_ref VARCHAR(40),
    deleted_at TIMESTAMP
);
