INSERT INTO books (id, title) VALUES (1, 'Dune'), (2, 'Emma');
INSERT INTO shelves (label) VALUES ('fiction'), ('poetry');
INSERT INTO loans (id, book_id) VALUES (1, 1);
