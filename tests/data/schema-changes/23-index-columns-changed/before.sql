CREATE TABLE shipments (
    id INTEGER NOT NULL PRIMARY KEY,
    carrier VARCHAR(30) NOT NULL,
    shipped_on DATE,
    weight_kg NUMERIC(8,3)
);

CREATE INDEX ix_shipments_lookup ON shipments (carrier);
