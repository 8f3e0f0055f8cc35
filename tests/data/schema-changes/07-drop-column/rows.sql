INSERT INTO customers (id, name, phone, email) VALUES (1, 'Acme', '555-0100', 'acme@example.com'),
    (2, 'Globex', NULL, 'globex@example.com'), (3, 'Initech', '555-0199', NULL);
