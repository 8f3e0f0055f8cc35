-- Every default dropped (NOT NULL stays where it was).
CREATE TABLE settings (
    id INTEGER NOT NULL PRIMARY KEY,
    retries INTEGER,
    offset_value INTEGER NOT NULL,
    ratio NUMERIC(5,2),
    label VARCHAR(20),
    motto VARCHAR(40),
    enabled BOOLEAN,
    start_date DATE,
    created_at TIMESTAMP NULL,
    body TEXT
);
