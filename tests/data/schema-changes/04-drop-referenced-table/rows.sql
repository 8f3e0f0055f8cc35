INSERT INTO publishers (id, name) VALUES (1, 'Ace'), (2, 'Orbit');
INSERT INTO books (id, publisher_id, title) VALUES (1, 1, 'The Left Hand of Darkness'),
    (2, 2, 'Consider Phlebas'), (3, NULL, 'Self-published');
