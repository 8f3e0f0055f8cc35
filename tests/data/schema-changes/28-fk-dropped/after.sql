-- A named foreign key dropped. (MariaDB keeps the index InnoDB made for it unless it is dropped
-- too.)
CREATE TABLE members (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE loans (
    id INTEGER NOT NULL PRIMARY KEY,
    member_id INTEGER NOT NULL,
    item VARCHAR(100) NOT NULL
);
