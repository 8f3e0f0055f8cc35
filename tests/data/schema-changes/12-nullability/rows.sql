INSERT INTO contacts (id, name, nickname, notes) VALUES (1, 'Ada', 'countess', 'math'),
    (2, 'Grace', 'amazing', NULL), (3, 'Edsger', 'none', 'goto');
