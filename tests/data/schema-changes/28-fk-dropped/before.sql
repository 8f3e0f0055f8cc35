CREATE TABLE members (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE loans (
    id INTEGER NOT NULL PRIMARY KEY,
    member_id INTEGER NOT NULL,
    item VARCHAR(100) NOT NULL,
    CONSTRAINT fk_loans_member FOREIGN KEY (member_id) REFERENCES members (id)
);
