CREATE TABLE "deal_registrations" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"program_id" uuid,
	"created_by_user_id" uuid,
	"created_by_label" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"company_name" text NOT NULL,
	"website" text,
	"country" char(2),
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"amount_minor" bigint,
	"currency" char(3),
	"expected_close_on" date,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"use_case" text,
	"incumbent" text,
	"notes" text,
	"name_normalized" text NOT NULL,
	"name_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"domain" text,
	"email_domain" text,
	"phone_e164" text,
	"account_id" uuid,
	"opportunity_id" uuid,
	"submitted_at" timestamp with time zone,
	"review_due_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decision_reason" text,
	"info_request" text,
	"approved_at" timestamp with time zone,
	"protection_expires_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"policy_id" uuid,
	"policy_version" integer,
	"check_decision" text,
	"blocked_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deal_registrations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "deal_registrations_status_check" CHECK ("deal_registrations"."status" in ('draft','submitted','under_review','approved','rejected','converted','expired','withdrawn')),
	CONSTRAINT "deal_registrations_amount_check" CHECK ("deal_registrations"."amount_minor" is null or "deal_registrations"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "registration_attachments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_attachments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "registration_checks" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"partner_reason" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"policy_id" uuid,
	"policy_version" integer NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_checks_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "registration_extensions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"requested_days" integer NOT NULL,
	"reason" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"new_expires_at" timestamp with time zone,
	CONSTRAINT "registration_extensions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "registration_extensions_status_check" CHECK ("registration_extensions"."status" in ('pending','approved','denied')),
	CONSTRAINT "registration_extensions_days_check" CHECK ("registration_extensions"."requested_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "registration_notifications" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"partner_id" uuid,
	"user_id" uuid,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "registration_notifications_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "registration_policies" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_policies_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "registration_transitions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_label" text NOT NULL,
	"actor_user_id" uuid,
	"reason" text,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "registration_transitions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"workspace_id" uuid NOT NULL,
	"actor_key" text NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_workspace_id_actor_key_scope_key_pk" PRIMARY KEY("workspace_id","actor_key","scope","key")
);
--> statement-breakpoint
ALTER TABLE "deal_registrations" ADD CONSTRAINT "deal_registrations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_registrations" ADD CONSTRAINT "deal_registrations_workspace_id_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_attachments" ADD CONSTRAINT "registration_attachments_workspace_id_registration_id_deal_registrations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","registration_id") REFERENCES "public"."deal_registrations"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_checks" ADD CONSTRAINT "registration_checks_workspace_id_registration_id_deal_registrations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","registration_id") REFERENCES "public"."deal_registrations"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_extensions" ADD CONSTRAINT "registration_extensions_workspace_id_registration_id_deal_registrations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","registration_id") REFERENCES "public"."deal_registrations"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_notifications" ADD CONSTRAINT "registration_notifications_workspace_id_registration_id_deal_registrations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","registration_id") REFERENCES "public"."deal_registrations"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_policies" ADD CONSTRAINT "registration_policies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_transitions" ADD CONSTRAINT "registration_transitions_workspace_id_registration_id_deal_registrations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","registration_id") REFERENCES "public"."deal_registrations"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deal_registrations_partner_idx" ON "deal_registrations" USING btree ("workspace_id","partner_id","created_at");--> statement-breakpoint
CREATE INDEX "deal_registrations_queue_idx" ON "deal_registrations" USING btree ("workspace_id","status","review_due_at");--> statement-breakpoint
CREATE INDEX "deal_registrations_expiry_idx" ON "deal_registrations" USING btree ("protection_expires_at") WHERE "deal_registrations"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "deal_registrations_domain_idx" ON "deal_registrations" USING btree ("workspace_id","domain");--> statement-breakpoint
CREATE INDEX "deal_registrations_email_domain_idx" ON "deal_registrations" USING btree ("workspace_id","email_domain");--> statement-breakpoint
CREATE INDEX "deal_registrations_phone_idx" ON "deal_registrations" USING btree ("workspace_id","phone_e164");--> statement-breakpoint
CREATE INDEX "deal_registrations_name_keys_idx" ON "deal_registrations" USING gin ("name_keys");--> statement-breakpoint
CREATE INDEX "deal_registrations_name_trgm_idx" ON "deal_registrations" USING gin ("name_normalized" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "registration_attachments_registration_idx" ON "registration_attachments" USING btree ("workspace_id","registration_id");--> statement-breakpoint
CREATE INDEX "registration_checks_registration_idx" ON "registration_checks" USING btree ("workspace_id","registration_id","checked_at");--> statement-breakpoint
CREATE INDEX "registration_extensions_registration_idx" ON "registration_extensions" USING btree ("workspace_id","registration_id");--> statement-breakpoint
CREATE INDEX "registration_notifications_partner_idx" ON "registration_notifications" USING btree ("workspace_id","partner_id","created_at");--> statement-breakpoint
CREATE INDEX "registration_notifications_registration_idx" ON "registration_notifications" USING btree ("workspace_id","registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_policies_version_key" ON "registration_policies" USING btree ("workspace_id",coalesce("program_id", '00000000-0000-0000-0000-000000000000'::uuid),"version");--> statement-breakpoint
CREATE INDEX "registration_transitions_registration_idx" ON "registration_transitions" USING btree ("workspace_id","registration_id","at");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");