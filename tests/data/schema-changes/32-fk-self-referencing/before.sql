CREATE TABLE employees (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    manager_id INTEGER
);
