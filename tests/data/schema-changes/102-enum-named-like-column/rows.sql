INSERT INTO loans (id, status) VALUES (1, 'open'), (2, 'closed');
INSERT INTO shelves (id, place) VALUES (1, 4);
