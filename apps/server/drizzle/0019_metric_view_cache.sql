CREATE TABLE "metric_view_cache" (
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"view_key" text NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"inputs_token" text NOT NULL,
	"body" jsonb NOT NULL,
	"compute_ms" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metric_view_cache_workspace_id_kind_view_key_pk" PRIMARY KEY("workspace_id","kind","view_key")
);
--> statement-breakpoint
ALTER TABLE "metric_view_cache" ADD CONSTRAINT "metric_view_cache_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;