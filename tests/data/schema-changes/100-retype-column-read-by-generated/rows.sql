INSERT INTO books (id, price, copies) VALUES (1, 10, 3), (2, 7, 2);
