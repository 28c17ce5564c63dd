-- Each user's nudge setting (`map notify on|off|daily|weekly`), per workspace: whether and how often the bot sends
-- them a direct message about their due next steps.
CREATE TABLE notify_settings (
    workspace   text COLLATE "C" NOT NULL,
    user_id     text COLLATE "C" NOT NULL,
    mode        text NOT NULL,
    time_zone   text,
    updated_at  timestamptz,
    PRIMARY KEY (workspace, user_id)
);
