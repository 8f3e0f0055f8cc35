INSERT INTO people (id, last_name, first_name, city) VALUES (1, 'Lovelace', 'Ada', 'London'),
    (2, 'Hopper', 'Grace', 'New York'), (3, 'Turing', 'Alan', NULL);
