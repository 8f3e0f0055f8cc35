INSERT INTO customers (id, name) VALUES (1, 'Acme'), (2, 'Globex');
INSERT INTO orders (id, customer_id) VALUES (1, 1), (2, 2), (3, 2);
