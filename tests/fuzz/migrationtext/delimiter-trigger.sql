-- jetbase: delimiter=//
CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW
BEGIN
  UPDATE b SET n = n + 1;
END//
-- rollback
DROP TRIGGER t//
