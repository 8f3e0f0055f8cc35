CREATE TABLE authors (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    author_id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    FOREIGN KEY (author_id) REFERENCES authors (id)
);

CREATE INDEX ix_books_title ON books (title);

CREATE TABLE tags (
    id INTEGER NOT NULL PRIMARY KEY,
    label VARCHAR(40) NOT NULL UNIQUE
);
