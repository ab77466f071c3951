CREATE TYPE "concert_cancellation_status" AS ENUM('RUNNING', 'DONE');--> statement-breakpoint
CREATE TABLE "concert_cancellations" (
	"concert_id" uuid PRIMARY KEY,
	"requested_by" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "concert_cancellation_status" DEFAULT 'RUNNING'::"concert_cancellation_status" NOT NULL,
	"total_bookings" integer NOT NULL,
	"cancelled_count" integer DEFAULT 0 NOT NULL,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"last_error" text,
	"claim_token" uuid,
	"claimed_until" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "simulated_provider_refunds" (
	"idempotency_key" varchar(255) PRIMARY KEY,
	"reference" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "concerts" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "concerts" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
CREATE INDEX "concert_cancellations_running_idx" ON "concert_cancellations" ("claimed_until") WHERE "status" = 'RUNNING';--> statement-breakpoint
ALTER TABLE "concert_cancellations" ADD CONSTRAINT "concert_cancellations_concert_id_concerts_id_fkey" FOREIGN KEY ("concert_id") REFERENCES "concerts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "simulated_provider_refunds" ADD CONSTRAINT "simulated_provider_refunds_145vG8Cjlc4D_fkey" FOREIGN KEY ("reference") REFERENCES "simulated_provider_charges"("reference");