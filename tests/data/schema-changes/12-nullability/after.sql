-- One column becomes NOT NULL (every row has a value), another nullable; the default of the
-- second one must survive both ways.
CREATE TABLE contacts (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    nickname VARCHAR(50) DEFAULT 'none',
    notes VARCHAR(200)
);
