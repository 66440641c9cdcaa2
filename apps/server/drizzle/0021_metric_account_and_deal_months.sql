CREATE TABLE "metric_account_facts" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"region" text,
	"industry" text,
	"first_new_on" date,
	"first_partner_opened_at" timestamp with time zone,
	"won_sourced" boolean DEFAULT false NOT NULL,
	CONSTRAINT "metric_account_facts_workspace_id_account_id_pk" PRIMARY KEY("workspace_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "metric_deal_months" (
	"workspace_id" uuid NOT NULL,
	"month" date NOT NULL,
	"outcome" text NOT NULL,
	"region" text,
	"segment" text NOT NULL,
	"band" integer,
	"partner_involved" boolean NOT NULL,
	"sourced" boolean NOT NULL,
	"deals" integer NOT NULL,
	"amount_n" integer NOT NULL,
	"amount_sum" double precision NOT NULL,
	"amount_sq" double precision NOT NULL,
	"cycle_n" integer NOT NULL,
	"cycle_sum" double precision NOT NULL,
	"cycle_sq" double precision NOT NULL,
	"amounts" double precision[],
	"cycles" double precision[]
);
--> statement-breakpoint
CREATE TABLE "metric_deal_open_months" (
	"workspace_id" uuid NOT NULL,
	"open_month" date NOT NULL,
	"close_month" date,
	"region" text,
	"partner_involved" boolean NOT NULL,
	"deals" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "metric_refreshes" ADD COLUMN "deal_months_minor_per_major" integer;--> statement-breakpoint
CREATE INDEX "metric_account_facts_first_new_idx" ON "metric_account_facts" USING btree ("workspace_id","first_new_on");--> statement-breakpoint
CREATE INDEX "metric_deal_months_month_idx" ON "metric_deal_months" USING btree ("workspace_id","month");--> statement-breakpoint
CREATE INDEX "metric_deal_open_months_idx" ON "metric_deal_open_months" USING btree ("workspace_id","open_month");