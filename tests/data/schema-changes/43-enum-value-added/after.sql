-- Values added to an enum that a column with rows uses: one between two existing values, one
-- at the end. (PostgreSQL cannot drop an enum value: the rollback has to recreate the type.)
CREATE TYPE ticket_status AS ENUM ('open', 'in_progress', 'closed', 'archived');

CREATE TABLE tickets (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    status ticket_status NOT NULL DEFAULT 'open'
);
