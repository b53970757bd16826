CREATE TABLE "board_client_ids" (
	"board_id" text NOT NULL,
	"client_id" bigint NOT NULL,
	"owner" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_client_ids_board_id_client_id_pk" PRIMARY KEY("board_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "board_client_ids" ADD CONSTRAINT "board_client_ids_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;