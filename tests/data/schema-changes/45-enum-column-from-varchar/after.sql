-- A VARCHAR column with rows becomes a new enum type (ALTER ... TYPE needs USING state::order_state).
CREATE TYPE order_state AS ENUM ('new', 'paid', 'shipped', 'cancelled');

CREATE TABLE orders (
    id INTEGER NOT NULL PRIMARY KEY,
    state order_state NOT NULL
);
