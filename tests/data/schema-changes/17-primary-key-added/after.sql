-- A table without a primary key gets one.
CREATE TABLE tags (
    id INTEGER NOT NULL,
    label VARCHAR(50) NOT NULL,
    PRIMARY KEY (id)
);
