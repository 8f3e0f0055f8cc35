CREATE FUNCTION f() RETURNS int AS $body$
BEGIN
  RETURN 1; -- ;
END;
$body$ LANGUAGE plpgsql;
DO $$ BEGIN PERFORM 1; END $$;
SELECT E'it\'s', $1, /* nested /* c */ */ 2;
ALTER TYPE mood ADD VALUE 'ok';
-- rollback
DROP FUNCTION f();
