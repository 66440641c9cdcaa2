CREATE TABLE "metric_partner_health" (
	"workspace_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"activated_at" timestamp with time zone,
	"first_won_at" timestamp with time zone,
	"engagement_score" double precision NOT NULL,
	"previous_engagement_score" double precision NOT NULL,
	"health_score" double precision,
	"health_band" text,
	"program_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"tier_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "metric_partner_health_workspace_id_partner_id_pk" PRIMARY KEY("workspace_id","partner_id")
);
--> statement-breakpoint
ALTER TABLE "metric_refreshes" ADD COLUMN "attribution_snapshot_id" uuid;