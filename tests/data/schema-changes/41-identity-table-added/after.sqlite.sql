-- New tables with AUTOINCREMENT keys (SQLite creates sqlite_sequence for them).
CREATE TABLE customers (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE invoices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    amount NUMERIC(10,2) NOT NULL DEFAULT 0
);

CREATE TABLE invoice_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    happened_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
