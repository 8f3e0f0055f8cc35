INSERT INTO products (id, sku, name, category) VALUES (1, 'A-1', 'Anvil', 'tools'),
    (2, 'R-7', 'Rocket skates', 'sport'), (3, 'P-3', 'Portable hole', NULL);
