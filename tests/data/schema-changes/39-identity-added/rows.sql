INSERT INTO tickets (id, title) VALUES (1, 'first'), (2, 'second'), (7, 'seventh');
