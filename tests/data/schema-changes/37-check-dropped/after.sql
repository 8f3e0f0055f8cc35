-- One of two CHECK constraints dropped.
CREATE TABLE bookings (
    id INTEGER NOT NULL PRIMARY KEY,
    nights INTEGER NOT NULL,
    guests INTEGER NOT NULL,
    CONSTRAINT ck_bookings_guests CHECK (guests > 0)
);
