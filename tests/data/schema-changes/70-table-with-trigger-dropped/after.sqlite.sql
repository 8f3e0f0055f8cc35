-- A table with a trigger goes; the trigger goes with it.
CREATE TABLE audit (id INTEGER NOT NULL PRIMARY KEY, book_id INTEGER, action VARCHAR(20));
