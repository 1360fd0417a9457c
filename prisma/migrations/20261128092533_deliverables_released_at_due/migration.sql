-- AlterTable
ALTER TABLE "deliverables" ADD COLUMN     "generated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "delivered_at" DROP NOT NULL,
ALTER COLUMN "delivered_at" DROP DEFAULT;

-- Rows that existed before this migration were generated and delivered in one step.
UPDATE "deliverables" SET "generated_at" = "delivered_at" WHERE "delivered_at" IS NOT NULL;
