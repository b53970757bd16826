CREATE TABLE "board_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"board_id" text NOT NULL,
	"title" text NOT NULL,
	"opened_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"record" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "board_sessions" ADD CONSTRAINT "board_sessions_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_sessions_board_id_idx" ON "board_sessions" USING btree ("board_id");