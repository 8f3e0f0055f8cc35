CREATE TYPE status AS ENUM ('open', 'closed', 'lost');

CREATE TABLE loans (
    id INTEGER NOT NULL PRIMARY KEY,
    status status NOT NULL DEFAULT 'open'
);

CREATE FUNCTION next_shelf() RETURNS integer LANGUAGE sql AS $$ SELECT count(*)::integer + 1 FROM loans WHERE status = 'open' $$;

CREATE TABLE shelves (
    id INTEGER NOT NULL PRIMARY KEY,
    place INTEGER NOT NULL DEFAULT next_shelf()
);
