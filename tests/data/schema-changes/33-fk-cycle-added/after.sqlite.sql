-- SQLite cannot ALTER TABLE ... ADD CONSTRAINT: the forward reference is declared inline.
CREATE TABLE sites (
    id INTEGER NOT NULL PRIMARY KEY,
    city VARCHAR(50) NOT NULL
);

CREATE TABLE departments (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(50) NOT NULL,
    manager_id INTEGER,
    CONSTRAINT fk_departments_manager FOREIGN KEY (manager_id) REFERENCES employees (id)
);

CREATE TABLE employees (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    department_id INTEGER,
    salary INTEGER,
    CONSTRAINT fk_employees_department FOREIGN KEY (department_id) REFERENCES departments (id)
);
