-- New tables with AUTO_INCREMENT keys (INT and BIGINT).
CREATE TABLE customers (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE invoices (
    id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    amount NUMERIC(10,2) NOT NULL DEFAULT 0,
    CONSTRAINT fk_invoices_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);

CREATE TABLE invoice_events (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    invoice_id INTEGER NOT NULL,
    happened_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_invoice_events_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id)
        ON DELETE CASCADE
);
