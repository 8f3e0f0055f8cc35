INSERT INTO members (id, first_name, last_name, email) VALUES (1, 'Ada', 'Lovelace', NULL),
    (2, 'Ada', 'Byron', 'ada@example.com'), (3, 'Grace', 'Hopper', 'grace@example.com');
