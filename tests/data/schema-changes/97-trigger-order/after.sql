-- MariaDB runs triggers of one table, time and event in their FOLLOWS/PRECEDES order, not by
-- name: a trigger is added before all, one in the middle changes, one is added after all.
CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    pages INTEGER
);

CREATE TRIGGER zz_first BEFORE INSERT ON books FOR EACH ROW SET NEW.pages = COALESCE(NEW.pages, 1);

CREATE TRIGGER aa_second BEFORE INSERT ON books FOR EACH ROW FOLLOWS zz_first SET NEW.title = TRIM(NEW.title);

CREATE TRIGGER mm_third BEFORE INSERT ON books FOR EACH ROW FOLLOWS aa_second SET NEW.title = UPPER(NEW.title);

CREATE TRIGGER bb_first BEFORE INSERT ON books FOR EACH ROW PRECEDES zz_first SET NEW.pages = NEW.pages;
