-- Every default of 13-defaults-added changed to another value of its type; the current
-- timestamp becomes a literal and the quoted string gets double quotes in it.
CREATE TABLE settings (
    id INTEGER NOT NULL PRIMARY KEY,
    retries INTEGER DEFAULT 5,
    offset_value INTEGER NOT NULL DEFAULT -2,
    ratio NUMERIC(5,2) DEFAULT 2.50,
    label VARCHAR(20) DEFAULT 'some',
    motto VARCHAR(40) DEFAULT 'say "hi"',
    enabled BOOLEAN DEFAULT FALSE,
    start_date DATE DEFAULT '2025-06-30',
    created_at TIMESTAMP NULL DEFAULT '2000-01-01 00:00:00',
    body TEXT DEFAULT ''
);
