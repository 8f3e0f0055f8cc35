-- A new enum type, used by a new NOT NULL column with a default of that type.
CREATE TYPE ticket_status AS ENUM ('open', 'in_progress', 'closed');

CREATE TABLE tickets (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    status ticket_status NOT NULL DEFAULT 'open'
);
