CREATE TABLE jobs (
    id INTEGER NOT NULL PRIMARY KEY,
    queue VARCHAR(20) NOT NULL,
    status VARCHAR(10) NOT NULL,
    external_ref VARCHAR(40),
    deleted_at TIMESTAMP
);

CREATE INDEX ix_jobs_open ON jobs (queue) WHERE status = 'open';
CREATE UNIQUE INDEX ux_jobs_external_ref ON jobs (external_ref) WHERE deleted_at IS NULL;
