-- AlterTable
ALTER TABLE "deliverables" ADD COLUMN     "with_validation" BOOLEAN NOT NULL DEFAULT false;
