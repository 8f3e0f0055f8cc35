-- upgrade
-- Runs always: after the pending versioned files of every upgrade, note when it ran. It must
-- work whatever version the database is at, so it only touches a table it creates itself.
CREATE TABLE IF NOT EXISTS upgrade_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    upgraded_at TEXT NOT NULL
);
INSERT INTO upgrade_log (upgraded_at) VALUES (STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW'));

-- rollback
-- Repeatable files are never rolled back.
