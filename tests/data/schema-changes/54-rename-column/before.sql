CREATE TABLE users (
    id INTEGER NOT NULL PRIMARY KEY,
    fullname VARCHAR(100) NOT NULL,
    email VARCHAR(200)
);

CREATE INDEX ix_users_fullname ON users (fullname);
