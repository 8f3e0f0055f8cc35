-- Nine changes to one table in one migration: a type and a nullability change on one column,
-- a default changed, a column dropped and one added, an index swapped for another, a UNIQUE and
-- a CHECK added.
CREATE TABLE customers (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(80) NOT NULL,
    email VARCHAR(100),
    status VARCHAR(10) DEFAULT 'active',
    created_on DATE,
    CONSTRAINT uq_customers_email UNIQUE (email),
    CONSTRAINT ck_customers_status CHECK (status IN ('new', 'active', 'closed'))
);

CREATE INDEX ix_customers_created_on ON customers (created_on);
