-- Every committed change of a map is announced on the channel accountbot_map_changes, so each instance drops what
-- it keeps of that map (PostgresMapChangeListener). A trigger rather than the application: a write by any code path,
-- an older instance during a rolling deploy, the storage copy or a hand-written statement is announced too.
-- pg_notify inside the writing transaction is delivered only when that transaction commits, never on rollback.
-- Payload: '<id> <version> <workspace>' (version 0: the map is gone); the workspace comes last as it may hold spaces.
-- TRUNCATE announces '*': forget every map.
CREATE FUNCTION account_maps_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (OLD.workspace, OLD.id) IS DISTINCT FROM (NEW.workspace, NEW.id)) THEN
        PERFORM pg_notify('accountbot_map_changes', OLD.id::text || ' 0 ' || OLD.workspace);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM pg_notify('accountbot_map_changes', NEW.id::text || ' ' || NEW.version::text || ' ' || NEW.workspace);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER account_maps_notify AFTER INSERT OR UPDATE OR DELETE ON account_maps
    FOR EACH ROW EXECUTE FUNCTION account_maps_notify();

CREATE FUNCTION account_maps_notify_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('accountbot_map_changes', '*');
    RETURN NULL;
END
$$;

CREATE TRIGGER account_maps_notify_truncate AFTER TRUNCATE ON account_maps
    FOR EACH STATEMENT EXECUTE FUNCTION account_maps_notify_truncate();
