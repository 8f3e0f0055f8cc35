INSERT INTO bins (warehouse_id, bin_code, capacity) VALUES (1, 'A1', 100), (1, 'A2', 50),
    (2, 'A1', 75);
INSERT INTO stock_items (id, warehouse_id, bin_code, quantity) VALUES (1, 1, 'A1', 10),
    (2, 2, 'A1', 5), (3, 1, 'A2', 0);
