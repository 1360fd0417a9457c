-- CreateTable
CREATE TABLE "document_extractions" (
    "id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "assessment_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "note" TEXT,
    "extractor_version" INTEGER NOT NULL,
    "extracted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_extractions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "document_extractions_document_id_key" ON "document_extractions"("document_id");

-- CreateIndex
CREATE INDEX "document_extractions_assessment_id_idx" ON "document_extractions"("assessment_id");

-- AddForeignKey
ALTER TABLE "document_extractions" ADD CONSTRAINT "document_extractions_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;
