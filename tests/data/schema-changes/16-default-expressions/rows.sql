INSERT INTO counters (id, total, code) VALUES (1, 10, 'x'), (2, NULL, NULL);
