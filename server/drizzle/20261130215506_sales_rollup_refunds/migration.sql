ALTER TABLE "sales_rollup" ADD COLUMN "refunded_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- A refund after its booking was rolled up leaves the minute's refunded amount out of date: mark it,
-- as a status change does. Refunds are rare and never on the booking path.
CREATE FUNCTION "sales_rollup_mark_refund_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "sales_rollup_stale" ("concert_id", "minute")
  SELECT "concert_id", date_bin('1 minute', "created_at", timestamptz 'epoch') FROM "bookings" WHERE "id" = NEW."booking_id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "payments_sales_rollup_stale"
AFTER INSERT OR UPDATE OF "refunded_cents" ON "payments"
FOR EACH ROW WHEN (NEW."refunded_cents" > 0)
EXECUTE FUNCTION "sales_rollup_mark_refund_stale"();
