CREATE TABLE a (id int);
-- rollback:
DROP TABLE a;
--- rollback
-- Rollback section
-- down
