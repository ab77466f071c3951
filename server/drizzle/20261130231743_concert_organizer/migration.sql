-- Concerts made before they had owners get none (organizer_id NULL): every organizer managed
-- every concert then, so there is no owner to infer. Nobody manages them until one is assigned:
-- the demo seed gives the demo concerts to the demo organizer (server/src/db/seed.ts); an operator
-- assigns others with UPDATE concerts SET organizer_id = <user id>.
ALTER TABLE "concerts" ADD COLUMN "organizer_id" text;--> statement-breakpoint
CREATE INDEX "concerts_organizer_id_idx" ON "concerts" ("organizer_id");--> statement-breakpoint
ALTER TABLE "concerts" ADD CONSTRAINT "concerts_organizer_id_users_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "users"("id") ON DELETE SET NULL;