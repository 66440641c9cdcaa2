CREATE TABLE "metric_channel_spend" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_reporting_minor" bigint NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metric_channel_spend_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "metric_channel_spend_channel_check" CHECK ("metric_channel_spend"."channel" in ('sales','marketing','partner')),
	CONSTRAINT "metric_channel_spend_amount_check" CHECK ("metric_channel_spend"."amount_minor" >= 0),
	CONSTRAINT "metric_channel_spend_period_check" CHECK ("metric_channel_spend"."period_end" >= "metric_channel_spend"."period_start")
);
--> statement-breakpoint
CREATE TABLE "metric_cost_lines" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"category" text NOT NULL,
	"program_id" uuid,
	"partner_id" uuid,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_reporting_minor" bigint NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metric_cost_lines_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "metric_cost_lines_category_check" CHECK ("metric_cost_lines"."category" in ('incentives','mdf','partner_team','tooling','other')),
	CONSTRAINT "metric_cost_lines_amount_check" CHECK ("metric_cost_lines"."amount_minor" >= 0),
	CONSTRAINT "metric_cost_lines_period_check" CHECK ("metric_cost_lines"."period_end" >= "metric_cost_lines"."period_start")
);
--> statement-breakpoint
CREATE TABLE "metric_deal_facts" (
	"workspace_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"account_id" uuid,
	"outcome" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"amount_minor" bigint,
	"cycle_days" double precision,
	"region" text,
	"industry" text,
	"segment" text,
	"sourced" boolean NOT NULL,
	"partner_involved" boolean NOT NULL,
	"sourcing_partner_id" uuid,
	"partner_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"program_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"tier_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"touchpoints" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_deal_facts_workspace_id_opportunity_id_pk" PRIMARY KEY("workspace_id","opportunity_id")
);
--> statement-breakpoint
CREATE TABLE "metric_partner_months" (
	"workspace_id" uuid NOT NULL,
	"month" date NOT NULL,
	"partner_id" uuid NOT NULL,
	"program_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"tier_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"won" integer DEFAULT 0 NOT NULL,
	"lost" integer DEFAULT 0 NOT NULL,
	"won_cycle_days" double precision DEFAULT 0 NOT NULL,
	"sourced_minor" bigint DEFAULT 0 NOT NULL,
	"influenced_minor" bigint DEFAULT 0 NOT NULL,
	"attributed_minor" double precision DEFAULT 0 NOT NULL,
	"touchpoints" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_partner_months_workspace_id_month_partner_id_pk" PRIMARY KEY("workspace_id","month","partner_id")
);
--> statement-breakpoint
CREATE TABLE "metric_refreshes" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"deal_rows" integer NOT NULL,
	"partner_month_rows" integer NOT NULL,
	"attribution_model" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "metric_channel_spend" ADD CONSTRAINT "metric_channel_spend_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_cost_lines" ADD CONSTRAINT "metric_cost_lines_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_cost_lines" ADD CONSTRAINT "metric_cost_lines_workspace_id_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_refreshes" ADD CONSTRAINT "metric_refreshes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_settings" ADD CONSTRAINT "metric_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metric_channel_spend_period_idx" ON "metric_channel_spend" USING btree ("workspace_id","period_start","period_end");--> statement-breakpoint
CREATE INDEX "metric_cost_lines_period_idx" ON "metric_cost_lines" USING btree ("workspace_id","period_start","period_end");--> statement-breakpoint
CREATE INDEX "metric_deal_facts_closed_idx" ON "metric_deal_facts" USING btree ("workspace_id","closed_at");--> statement-breakpoint
CREATE INDEX "metric_deal_facts_opened_idx" ON "metric_deal_facts" USING btree ("workspace_id","opened_at");--> statement-breakpoint
CREATE INDEX "metric_deal_facts_partners_idx" ON "metric_deal_facts" USING gin ("partner_ids");--> statement-breakpoint
CREATE INDEX "metric_partner_months_partner_idx" ON "metric_partner_months" USING btree ("workspace_id","partner_id","month");