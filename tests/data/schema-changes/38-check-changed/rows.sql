INSERT INTO prices (id, amount, currency) VALUES (1, 10.00, 'NZD'), (2, 0.01, 'EUR');
