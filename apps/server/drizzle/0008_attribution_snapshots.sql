CREATE TABLE "attribution_channel_totals" (
	"workspace_id" uuid NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"partner_id" uuid,
	"touch_type" text,
	"conversions" double precision NOT NULL,
	"revenue_minor" double precision NOT NULL,
	"deals" integer NOT NULL,
	"removal_effect" double precision,
	CONSTRAINT "attribution_channel_totals_workspace_id_snapshot_id_channel_pk" PRIMARY KEY("workspace_id","snapshot_id","channel")
);
--> statement-breakpoint
CREATE TABLE "attribution_credits" (
	"workspace_id" uuid NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"touchpoint_id" uuid,
	"channel" text NOT NULL,
	"partner_id" uuid,
	"touch_type" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"share" double precision NOT NULL,
	"conversions" double precision NOT NULL,
	"revenue_minor" double precision NOT NULL,
	CONSTRAINT "attribution_credits_workspace_id_snapshot_id_opportunity_id_position_pk" PRIMARY KEY("workspace_id","snapshot_id","opportunity_id","position")
);
--> statement-breakpoint
CREATE TABLE "attribution_overrides" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"splits" jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reverted_at" timestamp with time zone,
	"reverted_by" text,
	"revert_reason" text,
	CONSTRAINT "attribution_overrides_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "attribution_snapshots" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"cutoff_at" timestamp with time zone NOT NULL,
	"period_start" timestamp with time zone,
	"model" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"grouping" text DEFAULT 'partner' NOT NULL,
	"include_direct" boolean DEFAULT false NOT NULL,
	"code_version" text NOT NULL,
	"reporting_currency" char(3) NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"phase" text,
	"processed_opportunities" integer DEFAULT 0 NOT NULL,
	"total_opportunities" integer,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total_conversions" double precision,
	"total_revenue_minor" double precision,
	"failure" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	CONSTRAINT "attribution_snapshots_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "attribution_snapshots_status_check" CHECK ("attribution_snapshots"."status" in ('queued','running','completed','failed')),
	CONSTRAINT "attribution_snapshots_grouping_check" CHECK ("attribution_snapshots"."grouping" in ('partner','touch_type','partner_touch_type'))
);
--> statement-breakpoint
ALTER TABLE "attribution_channel_totals" ADD CONSTRAINT "attribution_channel_totals_workspace_id_snapshot_id_attribution_snapshots_workspace_id_id_fk" FOREIGN KEY ("workspace_id","snapshot_id") REFERENCES "public"."attribution_snapshots"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attribution_credits" ADD CONSTRAINT "attribution_credits_workspace_id_snapshot_id_attribution_snapshots_workspace_id_id_fk" FOREIGN KEY ("workspace_id","snapshot_id") REFERENCES "public"."attribution_snapshots"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attribution_overrides" ADD CONSTRAINT "attribution_overrides_workspace_id_snapshot_id_attribution_snapshots_workspace_id_id_fk" FOREIGN KEY ("workspace_id","snapshot_id") REFERENCES "public"."attribution_snapshots"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attribution_snapshots" ADD CONSTRAINT "attribution_snapshots_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attribution_credits_partner_idx" ON "attribution_credits" USING btree ("workspace_id","snapshot_id","partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attribution_overrides_active_key" ON "attribution_overrides" USING btree ("workspace_id","snapshot_id","opportunity_id") WHERE "attribution_overrides"."reverted_at" is null;--> statement-breakpoint
CREATE INDEX "attribution_snapshots_created_idx" ON "attribution_snapshots" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "attribution_snapshots_batch_idx" ON "attribution_snapshots" USING btree ("workspace_id","batch_id");