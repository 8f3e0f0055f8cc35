CREATE TABLE people (
    id INTEGER NOT NULL PRIMARY KEY,
    last_name VARCHAR(50) NOT NULL,
    first_name VARCHAR(50) NOT NULL,
    city VARCHAR(50)
);
