-- custom: attribution snapshots are immutable once complete
-- A completed snapshot, its credits and its channel totals are records of fact: figures shown
-- from them must stay reproducible. Overrides live in their own table beside them. Removing a
-- whole workspace sets `symbiont.purge` to 'on' for its transaction.
CREATE FUNCTION attribution_snapshot_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'completed' AND coalesce(current_setting('symbiont.purge', true), '') <> 'on' THEN
    RAISE EXCEPTION 'attribution snapshot % is complete and cannot change (% rejected)', OLD.id, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER attribution_snapshots_immutable
  BEFORE UPDATE OR DELETE ON attribution_snapshots
  FOR EACH ROW EXECUTE FUNCTION attribution_snapshot_guard();
--> statement-breakpoint
CREATE FUNCTION attribution_result_row_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM attribution_snapshots s
    WHERE s.workspace_id = OLD.workspace_id AND s.id = OLD.snapshot_id AND s.status = 'completed'
  ) AND coalesce(current_setting('symbiont.purge', true), '') <> 'on' THEN
    RAISE EXCEPTION '% of completed snapshot % cannot change (% rejected)', TG_TABLE_NAME, OLD.snapshot_id, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION attribution_result_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM new_rows n
    JOIN attribution_snapshots s ON s.workspace_id = n.workspace_id AND s.id = n.snapshot_id
    WHERE s.status = 'completed'
  ) THEN
    RAISE EXCEPTION '% rows cannot be added to a completed snapshot', TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER attribution_credits_immutable
  BEFORE UPDATE OR DELETE ON attribution_credits
  FOR EACH ROW EXECUTE FUNCTION attribution_result_row_guard();
--> statement-breakpoint
CREATE TRIGGER attribution_credits_insert_guard
  AFTER INSERT ON attribution_credits REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION attribution_result_insert_guard();
--> statement-breakpoint
CREATE TRIGGER attribution_channel_totals_immutable
  BEFORE UPDATE OR DELETE ON attribution_channel_totals
  FOR EACH ROW EXECUTE FUNCTION attribution_result_row_guard();
--> statement-breakpoint
CREATE TRIGGER attribution_channel_totals_insert_guard
  AFTER INSERT ON attribution_channel_totals REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION attribution_result_insert_guard();
--> statement-breakpoint
CREATE FUNCTION attribution_override_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('symbiont.purge', true), '') = 'on' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' OR OLD.reverted_at IS NOT NULL
     OR NEW.splits IS DISTINCT FROM OLD.splits OR NEW.reason IS DISTINCT FROM OLD.reason
     OR NEW.snapshot_id IS DISTINCT FROM OLD.snapshot_id OR NEW.opportunity_id IS DISTINCT FROM OLD.opportunity_id
     OR NEW.created_by IS DISTINCT FROM OLD.created_by OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'attribution overrides are kept as history; only an active one can be reverted (% rejected)', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER attribution_overrides_history
  BEFORE UPDATE OR DELETE ON attribution_overrides
  FOR EACH ROW EXECUTE FUNCTION attribution_override_guard();
