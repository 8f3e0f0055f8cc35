-- A table renamed (with --rename customers=clients) under a view: the view is made again
-- over the new name, and the rollback renames the table back before it makes the old view.
CREATE TABLE clients (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE VIEW customer_names AS SELECT id, name FROM clients;
