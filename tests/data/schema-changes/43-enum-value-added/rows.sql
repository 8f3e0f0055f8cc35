INSERT INTO tickets (id, title, status) VALUES (1, 'first', 'open'), (2, 'second', 'closed');
