CREATE TABLE "lead_paths" (
	"lead_id" text PRIMARY KEY NOT NULL,
	"statuses" text[] NOT NULL,
	"ats" timestamp with time zone[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lead_paths" ADD CONSTRAINT "lead_paths_lead_id_lead_records_id_fk" FOREIGN KEY ("lead_id") REFERENCES "lead_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A lead's path (its status events in order) from its history, its status and its creation date. See lead_paths
-- in lib/leads/schema.ts. Unqualified names: the tables of the schema on the search path.
CREATE OR REPLACE FUNCTION lead_path_refresh(lead_ids text[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO lead_paths (lead_id, statuses, ats)
  SELECT lr.id,
    CASE WHEN h.n = 0 THEN ARRAY[lr.status] WHEN h.first_from IS NOT NULL THEN ARRAY[h.first_from] || h.tos ELSE h.tos END,
    CASE WHEN h.n = 0 THEN ARRAY[lr.vendor_created_at] WHEN h.first_from IS NOT NULL THEN ARRAY[LEAST(lr.vendor_created_at, h.ats[1])] || h.ats ELSE h.ats END
  FROM (SELECT DISTINCT unnest(lead_ids) AS id) ids
  JOIN lead_records lr ON lr.id = ids.id
  CROSS JOIN LATERAL (
    -- The rows come in order (time, then id) from the subquery, so the arrays are in that order.
    SELECT count(*) AS n, (array_agg(x.from_status))[1] AS first_from, array_agg(x.to_status) AS tos, array_agg(x.at) AS ats
    FROM (SELECT * FROM lead_status_history y WHERE y.lead_id = lr.id ORDER BY y.at, y.id) x
  ) h
  ON CONFLICT (lead_id) DO UPDATE SET statuses = excluded.statuses, ats = excluded.ats;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_paths_after_lead() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lead_path_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_paths_after_leads_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lead_path_refresh(ARRAY(SELECT id FROM new_leads));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER lead_paths_on_lead_insert
  AFTER INSERT ON lead_records
  REFERENCING NEW TABLE AS new_leads
  FOR EACH STATEMENT EXECUTE FUNCTION lead_paths_after_leads_insert();
--> statement-breakpoint
CREATE TRIGGER lead_paths_on_lead_update
  AFTER UPDATE OF status, vendor_created_at ON lead_records
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.vendor_created_at IS DISTINCT FROM NEW.vendor_created_at)
  EXECUTE FUNCTION lead_paths_after_lead();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_paths_after_history_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lead_path_refresh(ARRAY(SELECT DISTINCT lead_id FROM new_history));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER lead_paths_on_history_insert
  AFTER INSERT ON lead_status_history
  REFERENCING NEW TABLE AS new_history
  FOR EACH STATEMENT EXECUTE FUNCTION lead_paths_after_history_insert();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lead_paths_after_history_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lead_path_refresh(ARRAY(SELECT DISTINCT lead_id FROM old_history));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER lead_paths_on_history_delete
  AFTER DELETE ON lead_status_history
  REFERENCING OLD TABLE AS old_history
  FOR EACH STATEMENT EXECUTE FUNCTION lead_paths_after_history_change();
--> statement-breakpoint
-- (The console never updates a history row; if one is, its lead's path is rebuilt. lead_id is never changed.)
CREATE TRIGGER lead_paths_on_history_update
  AFTER UPDATE ON lead_status_history
  REFERENCING OLD TABLE AS old_history
  FOR EACH STATEMENT EXECUTE FUNCTION lead_paths_after_history_change();
--> statement-breakpoint
-- The paths of the leads already in the read model.
SELECT lead_path_refresh(ARRAY(SELECT id FROM lead_records));
