CREATE TABLE users (
    id INTEGER NOT NULL PRIMARY KEY,
    email VARCHAR(200) NOT NULL,
    first_name VARCHAR(50),
    last_name VARCHAR(50)
);
