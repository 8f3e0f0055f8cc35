INSERT INTO shipments (id, carrier, shipped_on, weight_kg) VALUES (1, 'post', '2024-01-02', 1.5),
    (2, 'courier', NULL, 20.125);
