-- jetbase: delimiter=GO
CREATE TABLE a (id int)
GO
select 1 go
-- ROLLBACK
DROP TABLE a GO
