CREATE TABLE "lead_activities" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"actor_label" text,
	"partner_id" uuid,
	"status" text,
	"note" text,
	CONSTRAINT "lead_activities_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "lead_offers" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"reason" text,
	CONSTRAINT "lead_offers_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "lead_routing_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"rule" text DEFAULT 'round_robin' NOT NULL,
	"ranked_partner_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"accept_hours" integer DEFAULT 48 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"company" text NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"domain" text,
	"country" char(2),
	"need" text,
	"amount_minor" bigint,
	"currency" char(3),
	"sender_partner_id" uuid,
	"recipient_partner_id" uuid,
	"offer_expires_at" timestamp with time zone,
	"decline_reason" text,
	"account_id" uuid,
	"opportunity_id" uuid,
	"referral_link_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leads_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "leads_kind_check" CHECK ("leads"."kind" in ('lead','referral')),
	CONSTRAINT "leads_source_check" CHECK ("leads"."source" in ('vendor','partner','referral_link','api')),
	CONSTRAINT "leads_status_check" CHECK ("leads"."status" in ('unassigned','offered','pooled','accepted','declined','contacted','qualified','converted','lost')),
	CONSTRAINT "leads_amount_check" CHECK ("leads"."amount_minor" is null or "leads"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "referral_links" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "referral_links_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "lead_activities" ADD CONSTRAINT "lead_activities_workspace_id_lead_id_leads_workspace_id_id_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_offers" ADD CONSTRAINT "lead_offers_workspace_id_lead_id_leads_workspace_id_id_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_offers" ADD CONSTRAINT "lead_offers_workspace_id_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_routing_settings" ADD CONSTRAINT "lead_routing_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_workspace_id_sender_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","sender_partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_workspace_id_recipient_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","recipient_partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_links" ADD CONSTRAINT "referral_links_workspace_id_partner_id_partners_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_id") REFERENCES "public"."partners"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_activities_lead_idx" ON "lead_activities" USING btree ("workspace_id","lead_id","at");--> statement-breakpoint
CREATE INDEX "lead_offers_lead_idx" ON "lead_offers" USING btree ("workspace_id","lead_id","offered_at");--> statement-breakpoint
CREATE INDEX "lead_offers_partner_idx" ON "lead_offers" USING btree ("workspace_id","partner_id","offered_at");--> statement-breakpoint
CREATE INDEX "leads_workspace_status_idx" ON "leads" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
CREATE INDEX "leads_recipient_idx" ON "leads" USING btree ("workspace_id","recipient_partner_id","created_at");--> statement-breakpoint
CREATE INDEX "leads_sender_idx" ON "leads" USING btree ("workspace_id","sender_partner_id","created_at");--> statement-breakpoint
CREATE INDEX "leads_offer_expiry_idx" ON "leads" USING btree ("offer_expires_at") WHERE "leads"."status" = 'offered' and "leads"."offer_expires_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "referral_links_code_key" ON "referral_links" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_links_active_key" ON "referral_links" USING btree ("workspace_id","partner_id") WHERE "referral_links"."disabled_at" is null;