ALTER TABLE "waiting_room_entries" ADD COLUMN "used_key" text;--> statement-breakpoint
ALTER TABLE "waiting_room_entries" ADD COLUMN "spends" integer DEFAULT 0 NOT NULL;