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
CREATE INDEX "metric_account_facts_first_new_idx" ON "metric_account_facts" USING btree ("workspace_id","first_new_on");