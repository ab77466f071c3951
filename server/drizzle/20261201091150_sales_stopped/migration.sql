ALTER TABLE "ticket_tiers" ADD COLUMN "sales_stopped" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "ticket_tiers" SET "sales_stopped" = true FROM "concerts"
WHERE "concerts"."id" = "ticket_tiers"."concert_id"
  AND ("concerts"."sales_paused" OR NOT "concerts"."published" OR "concerts"."cancelled_at" IS NOT NULL);
--> statement-breakpoint
-- A sale takes tickets: capacity − available grows. While the concert does not sell, no update may
-- do that; giving tickets back and resizing a tier (which keeps what is taken) still may. Raised as
-- a check violation, which the one-statement booking batch already treats as "decide booking by booking".
CREATE FUNCTION "ticket_tiers_refuse_stopped_sale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'tier % does not sell: its concert is paused, unpublished or cancelled', NEW."id"
    USING ERRCODE = 'check_violation', CONSTRAINT = 'ticket_tiers_sales_stopped', TABLE = 'ticket_tiers';
END $$;
--> statement-breakpoint
CREATE TRIGGER "ticket_tiers_sales_stopped"
BEFORE UPDATE OF "available" ON "ticket_tiers"
FOR EACH ROW WHEN (NEW."sales_stopped" AND NEW."capacity" - NEW."available" > OLD."capacity" - OLD."available")
EXECUTE FUNCTION "ticket_tiers_refuse_stopped_sale"();
