INSERT INTO users (id, email, first_name, last_name) VALUES (1, 'Ada@Example.com', 'Ada', 'Lovelace'),
    (2, 'grace@example.com', 'Grace', 'Hopper');
