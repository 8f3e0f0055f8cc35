INSERT INTO settings (id, retries, offset_value, ratio, label, motto, enabled, start_date,
    created_at, body)
VALUES (1, 2, 0, 0.50, 'a', 'b', FALSE, '2023-05-06', '2023-05-06 07:08:09', 'text'),
    (2, NULL, 5, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
