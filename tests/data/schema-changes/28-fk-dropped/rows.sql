INSERT INTO members (id, name) VALUES (1, 'Ada'), (2, 'Grace');
INSERT INTO loans (id, member_id, item) VALUES (1, 1, 'slide rule'), (2, 2, 'compiler');
