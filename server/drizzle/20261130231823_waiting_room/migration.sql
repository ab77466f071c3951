CREATE TABLE "waiting_room_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"concert_id" uuid NOT NULL,
	"identity" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "waiting_room_entries_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"draw_key" uuid DEFAULT gen_random_uuid() NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"place" integer,
	"admitted_at" timestamp with time zone,
	"admission_expires_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"booking_id" uuid
);
--> statement-breakpoint
CREATE TABLE "waiting_rooms" (
	"concert_id" uuid PRIMARY KEY,
	"enabled" boolean DEFAULT true NOT NULL,
	"pre_queue_minutes" integer NOT NULL,
	"admissions_per_minute" integer NOT NULL,
	"max_shopping" integer NOT NULL,
	"admission_seconds" integer NOT NULL,
	"drawn_at" timestamp with time zone,
	"last_place" integer DEFAULT 0 NOT NULL,
	"admitted_through" integer DEFAULT 0 NOT NULL,
	"credit" double precision DEFAULT 0 NOT NULL,
	"last_tick_at" timestamp with time zone,
	"waiting" integer DEFAULT 0 NOT NULL,
	"shopping" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waiting_rooms_rate_positive" CHECK ("admissions_per_minute" > 0),
	CONSTRAINT "waiting_rooms_cap_positive" CHECK ("max_shopping" > 0),
	CONSTRAINT "waiting_rooms_admission_positive" CHECK ("admission_seconds" > 0),
	CONSTRAINT "waiting_rooms_pre_queue_non_negative" CHECK ("pre_queue_minutes" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "waiting_room_entries_identity_idx" ON "waiting_room_entries" ("concert_id","identity");--> statement-breakpoint
CREATE UNIQUE INDEX "waiting_room_entries_place_idx" ON "waiting_room_entries" ("concert_id","place");--> statement-breakpoint
CREATE INDEX "waiting_room_entries_unplaced_idx" ON "waiting_room_entries" ("concert_id","seq") WHERE "place" IS NULL;--> statement-breakpoint
CREATE INDEX "waiting_room_entries_admitted_idx" ON "waiting_room_entries" ("concert_id","admitted_at") WHERE "admitted_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "waiting_room_entries" ADD CONSTRAINT "waiting_room_entries_concert_id_concerts_id_fkey" FOREIGN KEY ("concert_id") REFERENCES "concerts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "waiting_room_entries" ADD CONSTRAINT "waiting_room_entries_booking_id_bookings_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "waiting_rooms" ADD CONSTRAINT "waiting_rooms_concert_id_concerts_id_fkey" FOREIGN KEY ("concert_id") REFERENCES "concerts"("id") ON DELETE CASCADE;