INSERT INTO sites (id, city) VALUES (1, 'Wellington'), (2, 'Dunedin');
