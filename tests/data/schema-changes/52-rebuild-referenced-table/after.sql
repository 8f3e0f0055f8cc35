-- The parent of an ON DELETE CASCADE chain changes in ways SQLite can only do by rebuilding it,
-- with rows in all three tables: a rebuild that drops the table while foreign keys are enforced
-- would empty books and reviews. Its index must come back too.
CREATE TABLE authors (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(150) NOT NULL,
    born INTEGER,
    CONSTRAINT ck_authors_born CHECK (born > 1000)
);

CREATE INDEX ix_authors_name ON authors (name);

CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    author_id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE
);

CREATE TABLE reviews (
    id INTEGER NOT NULL PRIMARY KEY,
    book_id INTEGER NOT NULL,
    stars INTEGER NOT NULL,
    FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE CASCADE
);
