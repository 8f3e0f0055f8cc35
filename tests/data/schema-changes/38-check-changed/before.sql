CREATE TABLE prices (
    id INTEGER NOT NULL PRIMARY KEY,
    amount NUMERIC(10,2) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    CONSTRAINT ck_prices_amount CHECK (amount > 0)
);
