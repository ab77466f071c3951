CREATE TYPE "booking_status" AS ENUM('CONFIRMED', 'CANCELLED');--> statement-breakpoint
CREATE TABLE "booking_items" (
	"booking_id" uuid,
	"tier_id" uuid,
	"quantity" integer NOT NULL,
	"unit_price_cents" integer NOT NULL,
	CONSTRAINT "booking_items_pkey" PRIMARY KEY("booking_id","tier_id"),
	CONSTRAINT "booking_items_quantity_positive" CHECK ("quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"concert_id" uuid NOT NULL,
	"status" "booking_status" DEFAULT 'CONFIRMED'::"booking_status" NOT NULL,
	"customer_email" text NOT NULL,
	"total_cents" bigint NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"idempotency_key" varchar(255) NOT NULL CONSTRAINT "bookings_idempotency_key_unique" UNIQUE,
	"request_fingerprint" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"name" text NOT NULL,
	"venue" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_tiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"concert_id" uuid NOT NULL,
	"name" text NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"capacity" integer NOT NULL,
	"available" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ticket_tiers_available_range" CHECK ("available" >= 0 AND "available" <= "capacity"),
	CONSTRAINT "ticket_tiers_price_non_negative" CHECK ("price_cents" >= 0)
);
--> statement-breakpoint
CREATE INDEX "booking_items_tier_id_idx" ON "booking_items" ("tier_id");--> statement-breakpoint
CREATE INDEX "bookings_concert_id_idx" ON "bookings" ("concert_id");--> statement-breakpoint
CREATE INDEX "concerts_starts_at_id_idx" ON "concerts" ("starts_at","id");--> statement-breakpoint
CREATE INDEX "ticket_tiers_concert_id_idx" ON "ticket_tiers" ("concert_id","position");--> statement-breakpoint
ALTER TABLE "booking_items" ADD CONSTRAINT "booking_items_booking_id_bookings_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "booking_items" ADD CONSTRAINT "booking_items_tier_id_ticket_tiers_id_fkey" FOREIGN KEY ("tier_id") REFERENCES "ticket_tiers"("id");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_concert_id_concerts_id_fkey" FOREIGN KEY ("concert_id") REFERENCES "concerts"("id");--> statement-breakpoint
ALTER TABLE "ticket_tiers" ADD CONSTRAINT "ticket_tiers_concert_id_concerts_id_fkey" FOREIGN KEY ("concert_id") REFERENCES "concerts"("id") ON DELETE CASCADE;