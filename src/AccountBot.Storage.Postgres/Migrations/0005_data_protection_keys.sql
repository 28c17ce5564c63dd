-- ASP.NET Core Data Protection's key ring (the keys that encrypt Slack bot tokens at rest), one row per XML element
-- as Data Protection names it (key-{id}, revocation-{time}). In the database so every instance decrypts what another
-- encrypted; elements are only ever added.
CREATE TABLE data_protection_keys (
    name        text COLLATE "C" PRIMARY KEY,
    xml         text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
