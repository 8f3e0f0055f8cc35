INSERT INTO books (id, title, pages) VALUES (1, 'Dune', 412), (2, 'Emma', NULL);
