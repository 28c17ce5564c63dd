-- AccountBot schema, version 1. Every key column is COLLATE "C" (ordinal), as LiteDB's binary collation: keys such
-- as 'slack:T01' never match case-insensitively, and ordering by them is ordinal whatever the cluster's locale.
-- Each table's primary key starts with its scope (workspace, platform or installation key).

CREATE TABLE account_maps (
    workspace    text COLLATE "C" NOT NULL,
    id           uuid NOT NULL,
    name_key     text COLLATE "C" NOT NULL,   -- NameKey of the map's name: one map per name per workspace
    lookup_keys  text[] COLLATE "C" NOT NULL, -- name key and alias keys: every name the map answers to
    channel_ids  text[] COLLATE "C" NOT NULL, -- linked channel ids
    version      integer NOT NULL,            -- optimistic concurrency: bumped by every save
    body         jsonb NOT NULL,              -- the map as the domain record (dates UTC, milliseconds)
    PRIMARY KEY (workspace, id),
    UNIQUE (workspace, name_key)
);
CREATE INDEX account_maps_lookup_keys ON account_maps USING gin (lookup_keys);
CREATE INDEX account_maps_channel_ids ON account_maps USING gin (channel_ids);

CREATE TABLE map_history (
    workspace  text COLLATE "C" NOT NULL,
    map_id     uuid NOT NULL,
    version    integer NOT NULL,
    body       jsonb NOT NULL,
    PRIMARY KEY (workspace, map_id, version)
);

-- Form submissions already applied, written in the map save's transaction.
CREATE TABLE applied_keys (
    workspace   text COLLATE "C" NOT NULL,
    key         text COLLATE "C" NOT NULL,
    map_id      uuid NOT NULL,
    version     integer NOT NULL,
    applied_at  timestamptz NOT NULL,
    PRIMARY KEY (workspace, key)
);
CREATE INDEX applied_keys_applied_at ON applied_keys (applied_at);

CREATE TABLE channel_settings (
    workspace   text COLLATE "C" NOT NULL,
    channel_id  text COLLATE "C" NOT NULL,
    version     integer NOT NULL,
    body        jsonb NOT NULL,
    PRIMARY KEY (workspace, channel_id)
);

CREATE TABLE conversations (
    workspace   text COLLATE "C" NOT NULL,
    channel_id  text COLLATE "C" NOT NULL,
    platform    text COLLATE "C" NOT NULL,
    body        jsonb NOT NULL,
    PRIMARY KEY (workspace, channel_id)
);
CREATE INDEX conversations_platform ON conversations (platform);

-- Not scoped by workspace: a platform's conversation ids are unique across workspaces (as in LiteDB).
CREATE TABLE blocked_conversations (
    platform          text COLLATE "C" NOT NULL,
    conversation_key  text COLLATE "C" NOT NULL,
    body              jsonb NOT NULL,
    PRIMARY KEY (platform, conversation_key)
);

-- Bot tokens in body are the adapter's Data Protection ciphertext, never plain.
CREATE TABLE workspace_installations (
    key   text COLLATE "C" PRIMARY KEY,
    body  jsonb NOT NULL
);

CREATE TABLE digest_outbox (
    key         text COLLATE "C" PRIMARY KEY,  -- workspace|channel|week: one digest per channel and week
    workspace   text COLLATE "C" NOT NULL,
    channel_id  text COLLATE "C" NOT NULL,
    week        text COLLATE "C" NOT NULL,     -- ISO week, sorts as text
    state       text COLLATE "C" NOT NULL,
    revision    integer NOT NULL,              -- compare-and-set on every update
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    body        jsonb NOT NULL
);
CREATE INDEX digest_outbox_workspace ON digest_outbox (workspace);
CREATE INDEX digest_outbox_state ON digest_outbox (state, created_at);
CREATE INDEX digest_outbox_channel_week ON digest_outbox (workspace, channel_id, week);
