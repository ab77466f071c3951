ALTER TABLE "concerts" ADD COLUMN "max_tickets_per_order" integer;--> statement-breakpoint
ALTER TABLE "concerts" ADD COLUMN "on_sale_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "concerts" ADD COLUMN "sales_paused" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "concerts" ADD COLUMN "published" boolean DEFAULT true NOT NULL;