-- CSV import previews waiting for confirmation (an hour at most), so a preview made on one instance can be confirmed
-- on another. Bounded per workspace and in all by the store (under an advisory lock), as in memory.
CREATE TABLE pending_imports (
    workspace   text COLLATE "C" NOT NULL,
    id          text COLLATE "C" NOT NULL,
    map_id      uuid NOT NULL,
    expires_at  timestamptz NOT NULL,
    body        jsonb NOT NULL,   -- the parsed rows and how many did not fit
    PRIMARY KEY (workspace, id)
);
CREATE INDEX pending_imports_expires_at ON pending_imports (expires_at);
