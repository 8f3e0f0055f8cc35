INSERT INTO users (id, fullname, email) VALUES (1, 'Ada Lovelace', 'ada@example.com'),
    (2, 'Grace Hopper', NULL);
