INSERT INTO teams (code, name) VALUES ('RED', 'Red Team'), ('BLU', 'Blue Team');
INSERT INTO players (id, team_code, name) VALUES (1, 'RED', 'Ada'), (2, 'BLU', 'Grace'),
    (3, NULL, 'Alan');
