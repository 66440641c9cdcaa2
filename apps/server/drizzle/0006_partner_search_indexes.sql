CREATE INDEX "partners_legal_name_trgm_idx" ON "partners" USING gin (lower("legal_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "partners_domain_trgm_idx" ON "partners" USING gin ("domain" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "partners_workspace_name_sort_idx" ON "partners" USING btree ("workspace_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "partners_workspace_updated_idx" ON "partners" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "partners_workspace_created_idx" ON "partners" USING btree ("workspace_id","created_at","id");