-- Traza's schema on a PostgreSQL server, version 1 (model/store/server/server_schema.h);
-- later versions are steps in server_schema.cpp (2: positions and column rules;
-- 3: ordinal becomes a bigint order key, spaced apart within each list).
-- Several projects per database; each project's objects are rows holding their
-- chain JSON fragment, with a version for optimistic concurrency. Every change
-- is written to the audit trail by a trigger and announced with NOTIFY.
CREATE SCHEMA traza;

-- One row: the schema version; a client refuses a database newer than it knows.
CREATE TABLE traza.schema_version (version integer NOT NULL);

CREATE TABLE traza.projects (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created timestamptz NOT NULL DEFAULT now()
);

-- kind/id as in project_objects.h; body is the object's chain JSON; version
-- starts at 1 and grows by one on each update (a stale version is a conflict).
CREATE TABLE traza.objects (
  project_id bigint NOT NULL REFERENCES traza.projects (id) ON DELETE CASCADE,
  kind text NOT NULL,
  id text NOT NULL,
  ordinal integer NOT NULL,
  body jsonb NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (project_id, kind, id)
);

-- Who changed what, when, by which command. Written only by traza.record_change()
-- (SECURITY DEFINER): editors and reviewers may read it, never write it.
CREATE TABLE traza.audit (
  seq bigserial PRIMARY KEY,
  project_id bigint NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  db_user text NOT NULL DEFAULT session_user,
  txid bigint NOT NULL DEFAULT txid_current(),
  label text NOT NULL,
  kind text NOT NULL,
  object_id text NOT NULL,
  action text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  before jsonb,
  after jsonb
);
CREATE INDEX audit_object ON traza.audit (project_id, kind, object_id, seq);
CREATE INDEX audit_txid ON traza.audit (txid);

-- The command's label comes from SET LOCAL traza.command_label in the same
-- transaction. One notification per transaction and project: identical
-- payloads within a transaction are delivered once.
CREATE FUNCTION traza.record_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  label text := coalesce(nullif(current_setting('traza.command_label', true), ''), '(no label)');
  row_project bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    row_project := OLD.project_id;
    INSERT INTO traza.audit (project_id, label, kind, object_id, action, before)
      VALUES (OLD.project_id, label, OLD.kind, OLD.id, 'delete', OLD.body);
  ELSIF TG_OP = 'UPDATE' THEN
    row_project := NEW.project_id;
    INSERT INTO traza.audit (project_id, label, kind, object_id, action, before, after)
      VALUES (NEW.project_id, label, NEW.kind, NEW.id, 'update', OLD.body, NEW.body);
  ELSE
    row_project := NEW.project_id;
    INSERT INTO traza.audit (project_id, label, kind, object_id, action, after)
      VALUES (NEW.project_id, label, NEW.kind, NEW.id, 'insert', NEW.body);
  END IF;
  PERFORM pg_notify('traza_project_' || row_project,
                    json_build_object('txid', txid_current(), 'user', session_user)::text);
  RETURN NULL;
END $$;

CREATE TRIGGER objects_audit AFTER INSERT OR UPDATE OR DELETE ON traza.objects
  FOR EACH ROW EXECUTE FUNCTION traza.record_change();
