CREATE TABLE "board_damaged_updates" (
	"damage_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"update" "bytea" NOT NULL,
	"origin" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "board_damaged_updates_damage_id_seq_pk" PRIMARY KEY("damage_id","seq")
);
--> statement-breakpoint
CREATE TABLE "board_damages" (
	"id" text PRIMARY KEY NOT NULL,
	"board_id" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"repaired_at" timestamp with time zone,
	"repaired_from" text,
	"repaired_by" text,
	"damaged_state" "bytea",
	"damaged_compacted_through" bigint
);
--> statement-breakpoint
ALTER TABLE "board_states" ADD COLUMN "previous_state" "bytea";--> statement-breakpoint
ALTER TABLE "board_states" ADD COLUMN "previous_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "board_damaged_updates" ADD CONSTRAINT "board_damaged_updates_damage_id_board_damages_id_fk" FOREIGN KEY ("damage_id") REFERENCES "public"."board_damages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_damages" ADD CONSTRAINT "board_damages_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_damages_board_id_idx" ON "board_damages" USING btree ("board_id");--> statement-breakpoint
CREATE UNIQUE INDEX "board_damages_one_open_idx" ON "board_damages" USING btree ("board_id") WHERE "board_damages"."repaired_at" is null;