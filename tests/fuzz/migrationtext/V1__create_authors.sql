-- upgrade
CREATE TABLE authors (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    country TEXT,
    biography TEXT,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE UNIQUE INDEX ux_authors_name ON authors (name);

-- rollback
DROP INDEX ux_authors_name;
DROP TABLE authors;
