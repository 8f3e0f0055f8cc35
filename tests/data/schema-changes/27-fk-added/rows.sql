INSERT INTO authors (id, name) VALUES (1, 'Ursula'), (2, 'Iain');
INSERT INTO books (id, author_id, title) VALUES (1, 1, 'The Dispossessed'), (2, 2, 'Excession'),
    (3, 2, 'Use of Weapons');
