CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, book_id INTEGER, body VARCHAR(200));

CREATE VIEW noted_books AS SELECT b.title, n.body FROM books b JOIN notes n ON n.book_id = b.id;
