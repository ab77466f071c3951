-- The rollup starts empty and covers nothing yet; its job sums history from the first booking on.
INSERT INTO "sales_rollup_watermark" ("id", "covered_until") VALUES (1, '-infinity');
--> statement-breakpoint
-- A booking that changes status after it was rolled up leaves its minute's rollup rows out of date.
-- This appends a mark for its minute (no unique key: see schema.ts); analytics read marked minutes from bookings, and the rollup job sums them
-- again. Only status updates fire it (pay, cancel, release, expire), never the booking insert.
CREATE FUNCTION "sales_rollup_mark_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "sales_rollup_stale" ("concert_id", "minute")
  VALUES (OLD."concert_id", date_bin('1 minute', OLD."created_at", timestamptz 'epoch'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "bookings_sales_rollup_stale"
AFTER UPDATE OF "status" ON "bookings"
FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status")
EXECUTE FUNCTION "sales_rollup_mark_stale"();
--> statement-breakpoint

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
