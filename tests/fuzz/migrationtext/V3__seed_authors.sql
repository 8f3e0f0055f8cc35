-- upgrade
-- The biographies contain a ';' and doubled quotes (''): the statement splitter must keep
-- each INSERT whole.
INSERT INTO authors (name, country, biography) VALUES ('Flann O''Brien', 'Ireland', 'Novelist; also wrote as Myles na gCopaleen');
INSERT INTO authors (name, country, biography) VALUES ('Ursula K. Le Guin', 'USA', 'Wrote Earthsea; the ''Hainish'' cycle too');
INSERT INTO authors (name, country, biography) VALUES ('Italo Calvino', 'Italy', 'Journalist, partisan; fabulist');
INSERT INTO authors (name, country, biography) VALUES ('Chimamanda Ngozi Adichie', 'Nigeria', 'Novelist and essayist');

-- rollback
DELETE FROM authors WHERE name IN ('Flann O''Brien', 'Ursula K. Le Guin', 'Italo Calvino', 'Chimamanda Ngozi Adichie');
