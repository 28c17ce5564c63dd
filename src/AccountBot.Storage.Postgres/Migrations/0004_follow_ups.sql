-- Follow-up work promised after an ack (a Slack announcement, a response_url update, a Teams reply), kept until sent
-- so a crash does not lose it. An instance sends an item only while it holds the lease (owner until lease_until);
-- after that any instance may claim it (FOR UPDATE SKIP LOCKED, so two never claim the same row).
CREATE TABLE follow_ups (
    id           uuid PRIMARY KEY,
    owner        text COLLATE "C" NOT NULL,
    lease_until  timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    next_step    integer NOT NULL,
    steps        jsonb NOT NULL   -- [{kind, payload}], in the request's order
);
CREATE INDEX follow_ups_lease_until ON follow_ups (lease_until);
CREATE INDEX follow_ups_owner ON follow_ups (owner);
