-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PaymentStatus" ADD VALUE 'expired';
ALTER TYPE "PaymentStatus" ADD VALUE 'duplicate';

-- At most one paid payment per assessment (a second successful payment is recorded as 'duplicate').
-- Prisma's schema language cannot express a partial index: it lives here only.
CREATE UNIQUE INDEX "payments_one_paid_per_assessment" ON "payments"("assessment_id") WHERE "status" = 'paid';
