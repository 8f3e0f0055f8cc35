-- A default of each common type added: integers (one negative), a decimal, strings (one with a
-- quote), a boolean, a date, the current timestamp and a TEXT.
CREATE TABLE settings (
    id INTEGER NOT NULL PRIMARY KEY,
    retries INTEGER DEFAULT 3,
    offset_value INTEGER NOT NULL DEFAULT -1,
    ratio NUMERIC(5,2) DEFAULT 1.25,
    label VARCHAR(20) DEFAULT 'none',
    motto VARCHAR(40) DEFAULT 'it''s fine',
    enabled BOOLEAN DEFAULT TRUE,
    start_date DATE DEFAULT '2024-01-01',
    created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
    body TEXT DEFAULT 'empty'
);
