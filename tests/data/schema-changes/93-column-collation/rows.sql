INSERT INTO books (id, title, code) VALUES (1, 'Dune', 'a-1'), (2, 'emma', 'B-2'), (3, 'Ubik', 'c-3');
