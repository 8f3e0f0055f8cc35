INSERT INTO authors (id, name) VALUES (1, 'Ursula'), (2, 'Iain'), (3, 'Octavia');
