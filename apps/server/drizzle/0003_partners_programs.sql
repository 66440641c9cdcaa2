CREATE TABLE "agreement_acceptances" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_version_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"user_email" text NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	CONSTRAINT "agreement_acceptances_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"body_markdown" text NOT NULL,
	"requires_reacceptance" boolean DEFAULT true NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text,
	CONSTRAINT "agreement_versions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "agreements_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "journey_steps" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"due_offset_days" integer DEFAULT 14 NOT NULL,
	"owner_side" text DEFAULT 'partner' NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "journey_steps_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "journey_templates" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_templates_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "partner_journey_steps" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"partner_journey_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" text,
	"completed_via" text,
	CONSTRAINT "partner_journey_steps_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "partner_journeys" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "partner_journeys_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "partner_custom_fields" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"partner_editable" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_custom_fields_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "partner_custom_fields_type_check" CHECK ("partner_custom_fields"."type" in ('text','number','date','select'))
);
--> statement-breakpoint
CREATE TABLE "partner_directory_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"partner_editable_fields" text[] DEFAULT '{description,website,regions,industries,specializations}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_stage_transitions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"reason" text,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_stage_transitions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "program_memberships" (
	"workspace_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"tier_id" uuid,
	"tier_since" timestamp with time zone,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_memberships_workspace_id_partner_id_program_id_pk" PRIMARY KEY("workspace_id","partner_id","program_id")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text,
	"protection_window_days" integer DEFAULT 90,
	"default_journey_id" uuid,
	"auto_apply_tier_changes" boolean DEFAULT false NOT NULL,
	"tier_grace_days" integer DEFAULT 30 NOT NULL,
	"tier_window_months" integer DEFAULT 12 NOT NULL,
	"applications_open" boolean DEFAULT true NOT NULL,
	"auto_reject_spam" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "programs_protection_window_check" CHECK ("programs"."protection_window_days" is null or "programs"."protection_window_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "ideal_partner_profiles" (
	"workspace_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "ideal_partner_profiles_workspace_id_program_id_pk" PRIMARY KEY("workspace_id","program_id")
);
--> statement-breakpoint
CREATE TABLE "partner_applications" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_email" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"fit_score" double precision,
	"fit_breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ipp_version" integer,
	"vetter_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decision_reason" text,
	"ip_address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_applications_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "partner_manual_signals" (
	"workspace_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_manual_signals_workspace_id_partner_id_key_pk" PRIMARY KEY("workspace_id","partner_id","key")
);
--> statement-breakpoint
CREATE TABLE "tier_evaluations" (
	"workspace_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"qualified_tier_id" uuid,
	"shortfall_since" timestamp with time zone,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tier_evaluations_workspace_id_partner_id_program_id_pk" PRIMARY KEY("workspace_id","partner_id","program_id")
);
--> statement-breakpoint
CREATE TABLE "tier_proposals" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"from_tier_id" uuid,
	"to_tier_id" uuid,
	"direction" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decision_reason" text,
	"auto_applied" boolean DEFAULT false NOT NULL,
	CONSTRAINT "tier_proposals_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "tiers" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"name" text NOT NULL,
	"rank" integer NOT NULL,
	"color" text,
	"benefits" text[] DEFAULT '{}'::text[] NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"manual_checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vendor_obligations" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tiers_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"workspace_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "domain_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"partner_id" uuid,
	"entity_type" text,
	"entity_id" text,
	"payload" jsonb NOT NULL,
	"actor_label" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "domain_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "legal_name" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "domain" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "hq_country" char(2);--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "regions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "industries" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "size" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "types" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "specializations" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "manager_id" uuid;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "stage" text DEFAULT 'prospect' NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "activated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "agreement_acceptances" ADD CONSTRAINT "agreement_acceptances_workspace_id_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_acceptances" ADD CONSTRAINT "agreement_acceptances_workspace_id_agreement_version_id_agreement_versions_workspace_id_id_fk" FOREIGN KEY ("workspace_id","agreement_version_id") REFERENCES "public"."agreement_versions"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_workspace_id_agreement_id_agreements_workspace_id_id_fk" FOREIGN KEY ("workspace_id","agreement_id") REFERENCES "public"."agreements"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_workspace_id_program_id_programs_workspace_id_id_fk" FOREIGN KEY ("workspace_id","program_id") REFERENCES "public"."programs"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_steps" ADD CONSTRAINT "journey_steps_workspace_id_template_id_journey_templates_workspace_id_id_fk" FOREIGN KEY ("workspace_id","template_id") REFERENCES "public"."journey_templates"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_templates" ADD CONSTRAINT "journey_templates_workspace_id_program_id_programs_workspace_id_id_fk" FOREIGN KEY ("workspace_id","program_id") REFERENCES "public"."programs"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_journey_steps" ADD CONSTRAINT "partner_journey_steps_workspace_id_partner_journey_id_partner_journeys_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_journey_id") REFERENCES "public"."partner_journeys"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_journeys" ADD CONSTRAINT "partner_journeys_workspace_id_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_custom_fields" ADD CONSTRAINT "partner_custom_fields_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_directory_settings" ADD CONSTRAINT "partner_directory_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_stage_transitions" ADD CONSTRAINT "partner_stage_transitions_workspace_id_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_memberships" ADD CONSTRAINT "program_memberships_workspace_id_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_memberships" ADD CONSTRAINT "program_memberships_workspace_id_program_id_programs_workspace_id_id_fk" FOREIGN KEY ("workspace_id","program_id") REFERENCES "public"."programs"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideal_partner_profiles" ADD CONSTRAINT "ideal_partner_profiles_workspace_id_program_id_programs_workspace_id_id_fk" FOREIGN KEY ("workspace_id","program_id") REFERENCES "public"."programs"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_applications" ADD CONSTRAINT "partner_applications_workspace_id_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_applications" ADD CONSTRAINT "partner_applications_workspace_id_program_id_programs_workspace_id_id_fk" FOREIGN KEY ("workspace_id","program_id") REFERENCES "public"."programs"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_manual_signals" ADD CONSTRAINT "partner_manual_signals_workspace_id_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_evaluations" ADD CONSTRAINT "tier_evaluations_workspace_id_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_proposals" ADD CONSTRAINT "tier_proposals_workspace_id_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tiers" ADD CONSTRAINT "tiers_workspace_id_program_id_programs_workspace_id_id_fk" FOREIGN KEY ("workspace_id","program_id") REFERENCES "public"."programs"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_acceptances_once_key" ON "agreement_acceptances" USING btree ("workspace_id","agreement_version_id","partner_id");--> statement-breakpoint
CREATE INDEX "agreement_acceptances_partner_idx" ON "agreement_acceptances" USING btree ("workspace_id","partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_versions_number_key" ON "agreement_versions" USING btree ("workspace_id","agreement_id","version");--> statement-breakpoint
CREATE INDEX "journey_steps_template_idx" ON "journey_steps" USING btree ("workspace_id","template_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_journey_steps_once_key" ON "partner_journey_steps" USING btree ("workspace_id","partner_journey_id","step_id");--> statement-breakpoint
CREATE INDEX "partner_journey_steps_open_due_idx" ON "partner_journey_steps" USING btree ("workspace_id","due_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "partner_journey_steps_partner_idx" ON "partner_journey_steps" USING btree ("workspace_id","partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_journeys_once_key" ON "partner_journeys" USING btree ("workspace_id","partner_id","template_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_custom_fields_key" ON "partner_custom_fields" USING btree ("workspace_id","key");--> statement-breakpoint
CREATE INDEX "partner_stage_transitions_partner_idx" ON "partner_stage_transitions" USING btree ("workspace_id","partner_id","occurred_at");--> statement-breakpoint
CREATE INDEX "program_memberships_program_idx" ON "program_memberships" USING btree ("workspace_id","program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_slug_key" ON "programs" USING btree ("workspace_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_applications_partner_key" ON "partner_applications" USING btree ("workspace_id","partner_id");--> statement-breakpoint
CREATE INDEX "partner_applications_queue_idx" ON "partner_applications" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
CREATE INDEX "tier_proposals_status_idx" ON "tier_proposals" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "tier_proposals_one_pending_key" ON "tier_proposals" USING btree ("workspace_id","partner_id","program_id") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "tiers_program_rank_key" ON "tiers" USING btree ("workspace_id","program_id","rank");--> statement-breakpoint
CREATE INDEX "domain_events_partner_idx" ON "domain_events" USING btree ("workspace_id","partner_id","id");--> statement-breakpoint
CREATE INDEX "domain_events_type_idx" ON "domain_events" USING btree ("workspace_id","type");--> statement-breakpoint
CREATE UNIQUE INDEX "partners_workspace_domain_key" ON "partners" USING btree ("workspace_id","domain") WHERE "partners"."domain" is not null;--> statement-breakpoint
CREATE INDEX "partners_workspace_stage_idx" ON "partners" USING btree ("workspace_id","stage");--> statement-breakpoint
CREATE INDEX "partners_workspace_manager_idx" ON "partners" USING btree ("workspace_id","manager_id");--> statement-breakpoint
CREATE INDEX "partners_name_trgm_idx" ON "partners" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "partners_tags_idx" ON "partners" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "partners_types_idx" ON "partners" USING gin ("types");--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_stage_check" CHECK ("partners"."stage" in ('prospect','applied','vetting','onboarding','active','at_risk','offboarding','offboarded','rejected'));