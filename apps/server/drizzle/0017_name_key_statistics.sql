-- custom: finer statistics on the name keys, so conflict checks can tell common keys from rare ones
-- The check skips a name key that PostgreSQL's most_common_elems says covers more than a few hundred rows; with the
-- default target only the top ~1,000 keys are known, and at a million names many shorter deletion keys are common
-- without being on that list.
alter table accounts alter column name_keys set statistics 1000;
--> statement-breakpoint
alter table deal_registrations alter column name_keys set statistics 1000;
