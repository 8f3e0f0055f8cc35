-- Types widened, so no value is lost either way: SMALLINT to INTEGER, INTEGER to BIGINT, a
-- longer VARCHAR and a NUMERIC with more precision and scale.
CREATE TABLE measurements (
    id INTEGER NOT NULL PRIMARY KEY,
    small_count INTEGER,
    reading BIGINT NOT NULL,
    label VARCHAR(200),
    amount NUMERIC(12,4)
);
