-- The books reference no publisher: rows of a dropped table cannot come back with a rollback,
-- and a book that pointed at one would make the rollback's foreign key fail (as it should).
INSERT INTO publishers (id, name) VALUES (1, 'Ace'), (2, 'Orbit');
INSERT INTO books (id, publisher_id, title) VALUES (1, NULL, 'The Left Hand of Darkness'),
    (2, NULL, 'Consider Phlebas'), (3, NULL, 'Self-published');
