-- Workspaces whose data is to be deleted (the app was removed from them), kept here so the schedule survives restarts
-- and every instance sees it; the deletion removes the row in the same transaction as the data, so it runs once.
CREATE TABLE workspace_removals (
    workspace     text COLLATE "C" PRIMARY KEY,
    scheduled_at  timestamptz NOT NULL,
    delete_after  timestamptz NOT NULL,
    reason        text NOT NULL
);
