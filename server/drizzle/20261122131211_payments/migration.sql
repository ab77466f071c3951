CREATE TYPE "payment_status" AS ENUM('PROCESSING', 'SUCCEEDED', 'DECLINED', 'UNKNOWN', 'REFUNDED');--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"booking_id" uuid NOT NULL,
	"idempotency_key" varchar(255) NOT NULL,
	"request_fingerprint" varchar(64) NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" varchar(3) NOT NULL,
	"status" "payment_status" NOT NULL,
	"provider" text NOT NULL,
	"provider_reference" text,
	"decline_code" text,
	"card_last4" varchar(4) NOT NULL,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_booking_key_unique" UNIQUE("booking_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "simulated_provider_charges" (
	"reference" text PRIMARY KEY,
	"idempotency_key" varchar(255) NOT NULL CONSTRAINT "simulated_provider_charges_key_unique" UNIQUE,
	"amount_cents" bigint NOT NULL,
	"currency" varchar(3) NOT NULL,
	"status" text NOT NULL,
	"decline_code" text,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "payments_booking_id_idx" ON "payments" ("booking_id");--> statement-breakpoint
CREATE INDEX "payments_unsettled_idx" ON "payments" ("created_at") WHERE "status" IN ('PROCESSING', 'UNKNOWN');--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_booking_id_bookings_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id");