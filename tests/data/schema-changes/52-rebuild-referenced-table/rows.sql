INSERT INTO authors (id, name, born) VALUES (1, 'Ursula', 1929), (2, 'Iain', 1954),
    (3, 'Octavia', 1947);
INSERT INTO books (id, author_id, title) VALUES (1, 1, 'The Dispossessed'), (2, 2, 'Excession'),
    (3, 3, 'Kindred'), (4, 1, 'The Lathe of Heaven');
INSERT INTO reviews (id, book_id, stars) VALUES (1, 1, 5), (2, 2, 4), (3, 4, 5);
