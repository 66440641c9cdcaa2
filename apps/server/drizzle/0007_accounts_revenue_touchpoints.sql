CREATE TABLE "account_list_members" (
	"workspace_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by" text,
	CONSTRAINT "account_list_members_workspace_id_list_id_account_id_pk" PRIMARY KEY("workspace_id","list_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "account_lists" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"blocks_partners" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "account_lists_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"website" text,
	"domain" text,
	"country" char(2),
	"region" text,
	"industry" text,
	"size" text,
	"phone" text,
	"phone_e164" text,
	"owner_id" uuid,
	"status" text DEFAULT 'prospect' NOT NULL,
	"customer_since" date,
	"last_direct_engagement_at" timestamp with time zone,
	"external_id" text,
	"name_normalized" text NOT NULL,
	"name_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "accounts_status_check" CHECK ("accounts"."status" in ('prospect','customer','churned'))
);
--> statement-breakpoint
CREATE TABLE "direct_engagements" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"engaged_at" timestamp with time zone NOT NULL,
	"kind" text DEFAULT 'meeting' NOT NULL,
	"user_id" uuid,
	"note" text,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "direct_engagements_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "fx_rates" (
	"workspace_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"rate_date" date NOT NULL,
	"rate" numeric(24, 12) NOT NULL,
	"source" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fx_rates_workspace_id_currency_rate_date_pk" PRIMARY KEY("workspace_id","currency","rate_date"),
	CONSTRAINT "fx_rates_rate_check" CHECK ("fx_rates"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid,
	"account_name" text,
	"name" text NOT NULL,
	"stage" text DEFAULT 'open' NOT NULL,
	"outcome" text DEFAULT 'open' NOT NULL,
	"amount_minor" bigint,
	"currency" char(3),
	"amount_reporting_minor" bigint,
	"fx_rate" numeric(24, 12),
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"expected_close_on" date,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text DEFAULT 'direct' NOT NULL,
	"sourcing_partner_id" uuid,
	"owner_id" uuid,
	"owner_name" text,
	"registration_id" uuid,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "opportunities_outcome_check" CHECK ("opportunities"."outcome" in ('open','won','lost')),
	CONSTRAINT "opportunities_source_check" CHECK ("opportunities"."source" in ('direct','partner_sourced')),
	CONSTRAINT "opportunities_sourcing_partner_check" CHECK (("opportunities"."source" = 'partner_sourced') = ("opportunities"."sourcing_partner_id" is not null)),
	CONSTRAINT "opportunities_amount_check" CHECK ("opportunities"."amount_minor" is null or "opportunities"."amount_minor" >= 0),
	CONSTRAINT "opportunities_currency_check" CHECK (("opportunities"."amount_minor" is null) or ("opportunities"."currency" is not null)),
	CONSTRAINT "opportunities_closed_check" CHECK (("opportunities"."outcome" = 'open') = ("opportunities"."closed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "revenue_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"opportunity_id" uuid,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_reporting_minor" bigint,
	"fx_rate" numeric(24, 12),
	"external_id" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "revenue_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "revenue_events_kind_check" CHECK ("revenue_events"."kind" in ('new','expansion','contraction','renewal','churn')),
	CONSTRAINT "revenue_events_amount_check" CHECK ("revenue_events"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "touchpoints" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"opportunity_id" uuid,
	"account_id" uuid,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text,
	"weight" numeric(10, 4),
	"note" text,
	"accelerated" boolean DEFAULT false NOT NULL,
	"origin" text NOT NULL,
	"origin_id" text,
	"external_id" text,
	"voided_at" timestamp with time zone,
	"voided_reason" text,
	"voided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "touchpoints_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "touchpoints_target_check" CHECK ("touchpoints"."opportunity_id" is not null or "touchpoints"."account_id" is not null),
	CONSTRAINT "touchpoints_weight_check" CHECK ("touchpoints"."weight" is null or "touchpoints"."weight" >= 0)
);
--> statement-breakpoint
ALTER TABLE "account_list_members" ADD CONSTRAINT "account_list_members_workspace_id_list_id_account_lists_workspace_id_id_fk" FOREIGN KEY ("workspace_id","list_id") REFERENCES "public"."account_lists"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_list_members" ADD CONSTRAINT "account_list_members_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_lists" ADD CONSTRAINT "account_lists_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_engagements" ADD CONSTRAINT "direct_engagements_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fx_rates" ADD CONSTRAINT "fx_rates_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_workspace_id_sourcing_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","sourcing_partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_events" ADD CONSTRAINT "revenue_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_events" ADD CONSTRAINT "revenue_events_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_workspace_id_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_list_members_account_idx" ON "account_list_members" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "account_lists_name_key" ON "account_lists" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_external_id_key" ON "accounts" USING btree ("workspace_id","external_id") WHERE "accounts"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "accounts_domain_idx" ON "accounts" USING btree ("workspace_id","domain");--> statement-breakpoint
CREATE INDEX "accounts_phone_idx" ON "accounts" USING btree ("workspace_id","phone_e164");--> statement-breakpoint
CREATE INDEX "accounts_name_keys_idx" ON "accounts" USING gin ("name_keys");--> statement-breakpoint
CREATE INDEX "accounts_name_trgm_idx" ON "accounts" USING gin ("name_normalized" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "accounts_name_sort_idx" ON "accounts" USING btree ("workspace_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("workspace_id","owner_id");--> statement-breakpoint
CREATE INDEX "accounts_status_idx" ON "accounts" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "direct_engagements_account_idx" ON "direct_engagements" USING btree ("workspace_id","account_id","engaged_at");--> statement-breakpoint
CREATE UNIQUE INDEX "direct_engagements_external_id_key" ON "direct_engagements" USING btree ("workspace_id","external_id") WHERE "direct_engagements"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_external_id_key" ON "opportunities" USING btree ("workspace_id","external_id") WHERE "opportunities"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "opportunities_account_idx" ON "opportunities" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE INDEX "opportunities_outcome_closed_idx" ON "opportunities" USING btree ("workspace_id","outcome","closed_at");--> statement-breakpoint
CREATE INDEX "opportunities_opened_idx" ON "opportunities" USING btree ("workspace_id","opened_at");--> statement-breakpoint
CREATE INDEX "opportunities_sourcing_partner_idx" ON "opportunities" USING btree ("workspace_id","sourcing_partner_id") WHERE "opportunities"."sourcing_partner_id" is not null;--> statement-breakpoint
CREATE INDEX "opportunities_registration_idx" ON "opportunities" USING btree ("workspace_id","registration_id") WHERE "opportunities"."registration_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "revenue_events_external_id_key" ON "revenue_events" USING btree ("workspace_id","external_id") WHERE "revenue_events"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "revenue_events_account_idx" ON "revenue_events" USING btree ("workspace_id","account_id","occurred_on");--> statement-breakpoint
CREATE INDEX "revenue_events_occurred_idx" ON "revenue_events" USING btree ("workspace_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "touchpoints_origin_key" ON "touchpoints" USING btree ("workspace_id","origin","origin_id","type") WHERE "touchpoints"."origin_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "touchpoints_external_id_key" ON "touchpoints" USING btree ("workspace_id","external_id") WHERE "touchpoints"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "touchpoints_opportunity_idx" ON "touchpoints" USING btree ("workspace_id","opportunity_id","occurred_at");--> statement-breakpoint
CREATE INDEX "touchpoints_account_idx" ON "touchpoints" USING btree ("workspace_id","account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "touchpoints_partner_idx" ON "touchpoints" USING btree ("workspace_id","partner_id","occurred_at");