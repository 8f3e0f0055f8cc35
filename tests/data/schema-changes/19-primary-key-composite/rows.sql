INSERT INTO order_lines (id, order_id, line_no, product) VALUES (1, 10, 1, 'anvil'),
    (2, 10, 2, 'rope'), (3, 11, 1, 'magnet');
