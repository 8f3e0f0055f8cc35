-- An index becomes unique under the same name. (MariaDB lists a unique index as a UNIQUE
-- constraint, so there the change is drop index + add unique.)
CREATE TABLE users (
    id INTEGER NOT NULL PRIMARY KEY,
    email VARCHAR(200) NOT NULL
);

CREATE UNIQUE INDEX ix_users_email ON users (email);
