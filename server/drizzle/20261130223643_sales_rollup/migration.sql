CREATE TABLE "sales_rollup" (
	"concert_id" uuid,
	"grain_minutes" integer,
	"slot_start" timestamp with time zone,
	"tier_id" uuid,
	"confirmed_tickets" integer NOT NULL,
	"confirmed_cents" bigint NOT NULL,
	"held_tickets" integer NOT NULL,
	"expired_tickets" integer NOT NULL,
	"cancelled_tickets" integer NOT NULL,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "sales_rollup_pkey" PRIMARY KEY("concert_id","grain_minutes","slot_start","tier_id")
);
--> statement-breakpoint
CREATE TABLE "sales_rollup_stale" (
	"concert_id" uuid NOT NULL,
	"minute" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_rollup_watermark" (
	"id" integer PRIMARY KEY DEFAULT 1,
	"covered_until" timestamp with time zone NOT NULL,
	CONSTRAINT "sales_rollup_watermark_one_row" CHECK ("id" = 1)
);
--> statement-breakpoint
CREATE INDEX "payments_refunded_idx" ON "payments" ("booking_id","refunded_cents") WHERE "refunded_cents" > 0;--> statement-breakpoint
CREATE INDEX "sales_rollup_stale_concert_minute_idx" ON "sales_rollup_stale" ("concert_id","minute");--> statement-breakpoint
ALTER TABLE "sales_rollup" ADD CONSTRAINT "sales_rollup_concert_id_concerts_id_fkey" FOREIGN KEY ("concert_id") REFERENCES "concerts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "sales_rollup" ADD CONSTRAINT "sales_rollup_tier_id_ticket_tiers_id_fkey" FOREIGN KEY ("tier_id") REFERENCES "ticket_tiers"("id") ON DELETE CASCADE;