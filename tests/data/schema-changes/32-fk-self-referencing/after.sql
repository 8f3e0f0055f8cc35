-- A self-referencing foreign key (a tree of managers) with ON DELETE SET NULL.
CREATE TABLE employees (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    manager_id INTEGER,
    CONSTRAINT fk_employees_manager FOREIGN KEY (manager_id) REFERENCES employees (id)
        ON DELETE SET NULL
);
