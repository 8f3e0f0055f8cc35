INSERT INTO events (id, title, happened_on) VALUES (1, 'launch', '2024-03-01'),
    (2, 'review', '2024-11-30'), (3, 'someday', NULL);
