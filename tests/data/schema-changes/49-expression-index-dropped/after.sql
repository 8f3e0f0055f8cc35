-- One expression index dropped; the other is replaced by a plain index of another name.
CREATE TABLE users (
    id INTEGER NOT NULL PRIMARY KEY,
    email VARCHAR(200) NOT NULL,
    first_name VARCHAR(50),
    last_name VARCHAR(50)
);

CREATE UNIQUE INDEX ux_users_email_lower ON users (lower(email));
CREATE INDEX ix_users_last_name ON users (last_name);
