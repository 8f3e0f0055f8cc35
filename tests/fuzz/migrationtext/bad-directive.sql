-- tidemark: transaction=of
-- tidemark: statement-timeout=x, bogus
SELECT 1;
