CREATE TABLE "municipality_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"token_hash" text NOT NULL,
	"body" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipality_forms_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "municipality_forms_roundId_municipalityCode_unique" UNIQUE("round_id","municipality_code")
);
--> statement-breakpoint
ALTER TABLE "municipality_forms" ADD CONSTRAINT "municipality_forms_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;