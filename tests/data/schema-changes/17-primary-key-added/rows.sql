INSERT INTO tags (id, label) VALUES (1, 'red'), (2, 'green'), (3, 'blue');
