-- A named two-column UNIQUE constraint and an unnamed single-column one added.
CREATE TABLE members (
    id INTEGER NOT NULL PRIMARY KEY,
    first_name VARCHAR(50) NOT NULL,
    last_name VARCHAR(50) NOT NULL,
    email VARCHAR(200),
    CONSTRAINT uq_members_name UNIQUE (first_name, last_name),
    UNIQUE (email)
);
