INSERT INTO books (id, code) VALUES (1, 'a-1'), (2, 'B-2');
