DROP INDEX "bookings_concert_id_idx";--> statement-breakpoint
ALTER TABLE "concerts" ADD COLUMN "max_tickets_per_order" integer;--> statement-breakpoint
ALTER TABLE "concerts" ADD COLUMN "on_sale_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "concerts" ADD COLUMN "sales_paused" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "concerts" ADD COLUMN "published" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "created_at" SET DATA TYPE timestamp(3) with time zone USING "created_at"::timestamp(3) with time zone;--> statement-breakpoint
DROP INDEX "bookings_customer_email_idx";--> statement-breakpoint
CREATE INDEX "bookings_customer_email_idx" ON "bookings" (lower("customer_email") text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "bookings_concert_id_created_at_idx" ON "bookings" ("concert_id","created_at","id");--> statement-breakpoint
CREATE INDEX "bookings_created_at_idx" ON "bookings" ("created_at","id");