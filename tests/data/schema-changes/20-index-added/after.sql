-- A single-column and a two-column index added.
CREATE TABLE people (
    id INTEGER NOT NULL PRIMARY KEY,
    last_name VARCHAR(50) NOT NULL,
    first_name VARCHAR(50) NOT NULL,
    city VARCHAR(50)
);

CREATE INDEX ix_people_city ON people (city);
CREATE INDEX ix_people_name ON people (last_name, first_name);
