-- An enum loses a value: the type is made anew, so a function that takes it as an argument is
-- dropped first and made again after it, a function that names it in its body only (with the
-- trigger that calls it) stays, and a new function over the enum is dropped before the old type
-- on rollback.
CREATE TYPE book_format AS ENUM ('paper', 'ebook', 'scroll');

CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    format book_format NOT NULL DEFAULT 'paper'
);

CREATE FUNCTION is_digital(f book_format) RETURNS boolean LANGUAGE sql AS $$ SELECT f = 'ebook' $$;

CREATE FUNCTION is_scroll(f book_format) RETURNS boolean LANGUAGE sql AS $$ SELECT f = 'scroll' $$;

CREATE FUNCTION books_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.format IS NULL THEN
        NEW.format := 'paper'::book_format;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER books_stamp BEFORE INSERT ON books FOR EACH ROW EXECUTE FUNCTION books_stamp();
