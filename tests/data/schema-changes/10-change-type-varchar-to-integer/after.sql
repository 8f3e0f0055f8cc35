-- Text holding numbers becomes a number (PostgreSQL needs USING quantity::integer) and back.
CREATE TABLE stock (
    id INTEGER NOT NULL PRIMARY KEY,
    item VARCHAR(50) NOT NULL,
    quantity INTEGER
);
