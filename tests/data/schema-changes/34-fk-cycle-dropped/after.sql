-- Both tables of a foreign-key cycle dropped, with rows (the cycle must be broken first);
-- the rollback recreates the cycle.
CREATE TABLE sites (
    id INTEGER NOT NULL PRIMARY KEY,
    city VARCHAR(50) NOT NULL
);
