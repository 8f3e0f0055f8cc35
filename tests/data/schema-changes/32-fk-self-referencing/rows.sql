INSERT INTO employees (id, name, manager_id) VALUES (1, 'Boss', NULL), (2, 'Middle', 1),
    (3, 'Worker', 2), (4, 'Other worker', 2);
