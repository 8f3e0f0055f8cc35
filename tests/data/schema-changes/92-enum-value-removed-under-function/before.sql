CREATE TYPE book_format AS ENUM ('paper', 'ebook');

CREATE TABLE books (
    id INTEGER NOT NULL PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    format book_format NOT NULL DEFAULT 'paper'
);

CREATE FUNCTION is_digital(f book_format) RETURNS boolean LANGUAGE sql AS $$ SELECT f = 'ebook' $$;

CREATE FUNCTION books_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.format IS NULL THEN
        NEW.format := 'paper'::book_format;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER books_stamp BEFORE INSERT ON books FOR EACH ROW EXECUTE FUNCTION books_stamp();
