INSERT INTO authors (id, name) VALUES (1, 'Ursula'), (2, 'Iain');
INSERT INTO books (id, title) VALUES (1, 'The Dispossessed'), (2, 'Excession');
