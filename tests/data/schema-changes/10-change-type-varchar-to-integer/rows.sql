INSERT INTO stock (id, item, quantity) VALUES (1, 'bolts', '120'), (2, 'nuts', '75'),
    (3, 'washers', NULL);
