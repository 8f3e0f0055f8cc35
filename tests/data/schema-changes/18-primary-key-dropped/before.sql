CREATE TABLE audit_log (
    id INTEGER NOT NULL,
    message VARCHAR(200) NOT NULL,
    PRIMARY KEY (id)
);
