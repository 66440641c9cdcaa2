-- custom: the conflict lookup keeps one generic plan per statement and connection
-- Left to choose, PostgreSQL re-planned the lookup's statements (six-branch candidate view, five registration
-- branches) for every check; planning cost more than running them. The parameters only select index probes,
-- so one plan fits every call.
alter function deal_conflict_lookup(uuid, text[], text, text, text[], text, int, uuid, text, timestamptz, boolean)
  set plan_cache_mode = force_generic_plan;
