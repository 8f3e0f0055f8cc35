CREATE TABLE users (
    id INTEGER NOT NULL PRIMARY KEY,
    email VARCHAR(200) NOT NULL
);

CREATE INDEX ix_users_email ON users (email);
