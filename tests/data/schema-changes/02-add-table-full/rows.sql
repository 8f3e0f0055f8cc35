INSERT INTO customers (id, name) VALUES (1, 'Acme'), (2, 'Globex');
