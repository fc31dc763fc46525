CREATE TABLE "polls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"ballot_id" text NOT NULL,
	"ballot" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"revealed_at" timestamp with time zone,
	CONSTRAINT "polls_conferenceId_ballotId_unique" UNIQUE("conference_id","ballot_id")
);
--> statement-breakpoint
CREATE TABLE "table_answers" (
	"poll_id" uuid NOT NULL,
	"table_id" uuid NOT NULL,
	"text" text NOT NULL,
	"participant_id" uuid,
	"hidden" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "table_answers_poll_id_table_id_pk" PRIMARY KEY("poll_id","table_id")
);
--> statement-breakpoint
CREATE TABLE "text_upvotes" (
	"vote_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	CONSTRAINT "text_upvotes_vote_id_participant_id_pk" PRIMARY KEY("vote_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"poll_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"value" jsonb NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "votes_pollId_participantId_unique" UNIQUE("poll_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "table_card_votes" (
	"table_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"card_id" text NOT NULL,
	CONSTRAINT "table_card_votes_table_id_participant_id_card_id_pk" PRIMARY KEY("table_id","participant_id","card_id")
);
--> statement-breakpoint
CREATE TABLE "table_decks" (
	"table_id" uuid PRIMARY KEY NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "table_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"table_id" uuid NOT NULL,
	"card_id" text,
	"text" text NOT NULL,
	"participant_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_answers" ADD CONSTRAINT "table_answers_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_answers" ADD CONSTRAINT "table_answers_table_id_conference_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."conference_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_answers" ADD CONSTRAINT "table_answers_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_upvotes" ADD CONSTRAINT "text_upvotes_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_upvotes" ADD CONSTRAINT "text_upvotes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_card_votes" ADD CONSTRAINT "table_card_votes_table_id_conference_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."conference_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_card_votes" ADD CONSTRAINT "table_card_votes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_decks" ADD CONSTRAINT "table_decks_table_id_conference_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."conference_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_notes" ADD CONSTRAINT "table_notes_table_id_conference_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."conference_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_notes" ADD CONSTRAINT "table_notes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "polls_conference_id_question_id_index" ON "polls" USING btree ("conference_id","question_id");--> statement-breakpoint
CREATE INDEX "table_notes_table_id_index" ON "table_notes" USING btree ("table_id");