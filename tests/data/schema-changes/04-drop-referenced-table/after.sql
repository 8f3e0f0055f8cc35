-- The referenced table goes; the referencing table stays, without its foreign key (the key must
-- go before the table can).
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    publisher_id INTEGER,
    title VARCHAR(200) NOT NULL
);
