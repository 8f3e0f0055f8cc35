INSERT INTO sites (id, city) VALUES (1, 'Wellington'), (2, 'Dunedin');
INSERT INTO departments (id, name, manager_id) VALUES (1, 'Research', NULL), (2, 'Sales', NULL);
INSERT INTO employees (id, name, department_id, salary) VALUES (1, 'Ada', 1, 5000), (2, 'Grace', 1, 6000),
    (3, 'Don', 2, 4000);
UPDATE departments SET manager_id = 2 WHERE id = 1;
UPDATE departments SET manager_id = 3 WHERE id = 2;
