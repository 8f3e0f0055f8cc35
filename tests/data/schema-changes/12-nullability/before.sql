CREATE TABLE contacts (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100),
    nickname VARCHAR(50) NOT NULL DEFAULT 'none',
    notes VARCHAR(200)
);
