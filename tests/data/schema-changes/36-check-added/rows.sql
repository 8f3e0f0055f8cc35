INSERT INTO products (id, name, price, stock) VALUES (1, 'anvil', 99.90, 3), (2, 'rope', 4.50, 0);
