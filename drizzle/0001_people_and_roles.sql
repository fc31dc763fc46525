CREATE TABLE "content_packs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pack_id" text NOT NULL,
	"version" text NOT NULL,
	"title" text NOT NULL,
	"checksum" text NOT NULL,
	"data" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_packs_packId_version_unique" UNIQUE("pack_id","version")
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"county_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"is_admin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "conference_facilitators" (
	"conference_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	CONSTRAINT "conference_facilitators_conference_id_staff_id_pk" PRIMARY KEY("conference_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "conference_tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text,
	CONSTRAINT "conference_tables_conferenceId_number_unique" UNIQUE("conference_id","number")
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"municipality_code" text,
	"role" text NOT NULL,
	"table_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participants_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "verified_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"code" text NOT NULL,
	"participant_id" uuid,
	"used_at" timestamp with time zone,
	CONSTRAINT "verified_codes_code_unique" UNIQUE("code"),
	CONSTRAINT "verified_codes_participantId_unique" UNIQUE("participant_id")
);
--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "county_codes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "content_pack_id" uuid;--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "verified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "agenda" jsonb DEFAULT '{"stage":"lobby","item":{"type":"none"},"locked":false,"version":0}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_tokens" ADD CONSTRAINT "staff_tokens_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_facilitators" ADD CONSTRAINT "conference_facilitators_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_facilitators" ADD CONSTRAINT "conference_facilitators_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_tables" ADD CONSTRAINT "conference_tables_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_table_id_conference_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."conference_tables"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verified_codes" ADD CONSTRAINT "verified_codes_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verified_codes" ADD CONSTRAINT "verified_codes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_sessions_staff_id_index" ON "staff_sessions" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "participants_conference_id_index" ON "participants" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "participants_table_id_index" ON "participants" USING btree ("table_id");--> statement-breakpoint
CREATE INDEX "verified_codes_conference_id_index" ON "verified_codes" USING btree ("conference_id");--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_content_pack_id_content_packs_id_fk" FOREIGN KEY ("content_pack_id") REFERENCES "public"."content_packs"("id") ON DELETE restrict ON UPDATE no action;