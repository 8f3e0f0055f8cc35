INSERT INTO measurements (id, small_count, reading, label, amount) VALUES
    (1, 7, 1000, 'first', 12.50), (2, NULL, -3, 'second', 999999.99), (3, 32000, 0, NULL, NULL);
