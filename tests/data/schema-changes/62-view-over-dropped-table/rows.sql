INSERT INTO books (id, title, pages) VALUES (1, 'Dune', 412), (2, 'Emma', 474), (3, 'Ubik', 202);
INSERT INTO notes (id, book_id, body) VALUES (1, 1, 'sand');
