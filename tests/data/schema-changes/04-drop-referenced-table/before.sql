CREATE TABLE publishers (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    publisher_id INTEGER,
    title VARCHAR(200) NOT NULL,
    FOREIGN KEY (publisher_id) REFERENCES publishers (id)
);
