INSERT INTO books (id, title, format) VALUES (1, 'Dune', 'paper'), (2, 'Emma', 'ebook');
