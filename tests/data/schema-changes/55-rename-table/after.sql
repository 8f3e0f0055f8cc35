-- A referenced table renamed (with --rename customers=clients): its rows stay and the foreign
-- key follows it.
CREATE TABLE clients (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE orders (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    FOREIGN KEY (customer_id) REFERENCES clients (id)
);
