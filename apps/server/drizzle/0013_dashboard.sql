CREATE TABLE "board_pack_files" (
	"workspace_id" uuid NOT NULL,
	"pack_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_pack_files_workspace_id_pack_id_pk" PRIMARY KEY("workspace_id","pack_id")
);
--> statement-breakpoint
CREATE TABLE "board_packs" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"step" text,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"renderer" text,
	"file_name" text NOT NULL,
	"size_bytes" integer,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "board_packs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "board_packs_status_check" CHECK ("board_packs"."status" in ('queued','rendering','completed','failed')),
	CONSTRAINT "board_packs_progress_check" CHECK ("board_packs"."progress" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "board_pack_files" ADD CONSTRAINT "board_pack_files_workspace_id_pack_id_board_packs_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pack_id") REFERENCES "public"."board_packs"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_packs" ADD CONSTRAINT "board_packs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_packs_created_idx" ON "board_packs" USING btree ("workspace_id","created_at");