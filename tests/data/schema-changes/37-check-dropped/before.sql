CREATE TABLE bookings (
    id INTEGER NOT NULL PRIMARY KEY,
    nights INTEGER NOT NULL,
    guests INTEGER NOT NULL,
    CONSTRAINT ck_bookings_nights CHECK (nights BETWEEN 1 AND 30),
    CONSTRAINT ck_bookings_guests CHECK (guests > 0)
);
