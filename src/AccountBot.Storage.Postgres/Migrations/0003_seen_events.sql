-- Event ids already handled (Slack's retries of one event), kept two hours, so a retry that reaches another instance
-- is recognised. One row per id; an expired row is taken over by the next delivery of that id.
CREATE TABLE seen_events (
    event_id    text COLLATE "C" PRIMARY KEY,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX seen_events_expires_at ON seen_events (expires_at);
