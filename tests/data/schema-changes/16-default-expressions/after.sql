-- Expression defaults (SQLite reports them without their outer parentheses, which a writer must
-- put back), and a new column whose default is CURRENT_DATE (SQLite cannot ADD COLUMN with a
-- non-constant default: a rebuild).
CREATE TABLE counters (
    id INTEGER NOT NULL PRIMARY KEY,
    total INTEGER DEFAULT (2 + 3),
    code VARCHAR(20) DEFAULT (lower('ABC')),
    added_on DATE NOT NULL DEFAULT CURRENT_DATE
);
