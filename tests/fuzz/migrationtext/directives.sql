-- tidemark: transaction=off statement-timeout=600
-- tidemark: lock-wait-timeout=5
CREATE INDEX CONCURRENTLY i ON t (a);
-- rollback
DROP INDEX CONCURRENTLY i;
