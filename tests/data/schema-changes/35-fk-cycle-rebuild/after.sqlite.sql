-- As after.sql, with the cycle declared inline.
CREATE TABLE departments (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(120) NOT NULL,
    manager_id INTEGER,
    CONSTRAINT fk_departments_manager FOREIGN KEY (manager_id) REFERENCES employees (id)
);

CREATE TABLE employees (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    department_id INTEGER,
    salary INTEGER CHECK (salary > 0),
    CONSTRAINT fk_employees_department FOREIGN KEY (department_id) REFERENCES departments (id)
);
