-- The primary key is dropped; the column stays NOT NULL.
CREATE TABLE audit_log (
    id INTEGER NOT NULL,
    message VARCHAR(200) NOT NULL
);
