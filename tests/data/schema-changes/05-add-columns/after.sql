-- Columns added to a table that has rows: a nullable one, and NOT NULL ones with a default.
CREATE TABLE customers (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(200),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    loyalty_points INTEGER NOT NULL DEFAULT 0
);
