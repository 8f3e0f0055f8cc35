INSERT INTO bookings (id, nights, guests) VALUES (1, 2, 1), (2, 14, 4);
