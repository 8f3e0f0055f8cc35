INSERT INTO accounts (id, username, display_name) VALUES (1, 'ada', 'Ada'), (2, 'grace', NULL);
