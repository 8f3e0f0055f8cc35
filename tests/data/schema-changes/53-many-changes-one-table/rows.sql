INSERT INTO customers (id, name, email, status, legacy_code) VALUES
    (1, 'Acme', 'acme@example.com', 'new', 'X1'), (2, 'Globex', NULL, 'active', NULL),
    (3, 'Initech', 'initech@example.com', 'closed', 'X3');
