-- An enum loses a value and is made anew. A function whose body reads a column of the same
-- name, and which a column default calls, is neither dropped nor made again: only a routine's
-- arguments and result bind it to a type.
CREATE TYPE status AS ENUM ('open', 'closed');

CREATE TABLE loans (
    id INTEGER NOT NULL PRIMARY KEY,
    status status NOT NULL DEFAULT 'open'
);

CREATE FUNCTION next_shelf() RETURNS integer LANGUAGE sql AS $$ SELECT count(*)::integer + 1 FROM loans WHERE status = 'open' $$;

CREATE TABLE shelves (
    id INTEGER NOT NULL PRIMARY KEY,
    place INTEGER NOT NULL DEFAULT next_shelf()
);
