CREATE TABLE customers (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(50),
    email VARCHAR(100),
    status VARCHAR(10) DEFAULT 'new',
    legacy_code VARCHAR(10)
);

CREATE INDEX ix_customers_status ON customers (status);
