SELECT 'abc;
SELECT $$x;
/* open
