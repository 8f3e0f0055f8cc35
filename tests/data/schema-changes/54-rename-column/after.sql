-- A column renamed (with --rename users.fullname=name): its values and its index stay.
CREATE TABLE users (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(200)
);

CREATE INDEX ix_users_fullname ON users (name);
