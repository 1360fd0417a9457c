-- AlterTable
ALTER TABLE "users" ADD COLUMN     "erased_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "erasure_log" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "actor" TEXT NOT NULL,
    "removed" JSONB NOT NULL,
    "kept" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "erasure_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "erasure_log_created_at_idx" ON "erasure_log"("created_at");
