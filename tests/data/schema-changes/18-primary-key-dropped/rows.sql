INSERT INTO audit_log (id, message) VALUES (1, 'started'), (2, 'stopped');
