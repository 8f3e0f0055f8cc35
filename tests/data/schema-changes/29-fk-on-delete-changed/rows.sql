INSERT INTO orders (id, placed_on) VALUES (1, '2024-01-01'), (2, '2024-01-02');
INSERT INTO order_items (id, order_id, product) VALUES (1, 1, 'anvil'), (2, 1, 'rope'),
    (3, 2, 'magnet');
