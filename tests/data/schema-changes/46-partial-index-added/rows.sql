INSERT INTO jobs (id, queue, status, external_ref, deleted_at) VALUES
    (1, 'mail', 'open', 'r-1', NULL), (2, 'mail', 'done', 'r-1', '2024-01-01 10:00:00'),
    (3, 'print', 'open', NULL, NULL);
