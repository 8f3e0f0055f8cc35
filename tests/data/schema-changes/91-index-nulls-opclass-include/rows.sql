INSERT INTO books (id, title, pages) VALUES (1, 'Dune', 412), (2, 'Emma', NULL), (3, 'Ubik', 202);
