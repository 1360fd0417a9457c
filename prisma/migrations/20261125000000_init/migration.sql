-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('client', 'founder');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('draft', 'awaiting_payment', 'submitted', 'triaging', 'analysing', 'summary_delivered', 'report_delivered', 'awaiting_validation', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('pending', 'paid', 'failed', 'refunded');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('pending', 'uploaded');

-- CreateEnum
CREATE TYPE "DeliverableStage" AS ENUM ('executive_summary', 'detailed_report', 'implementation_kits');

-- CreateEnum
CREATE TYPE "DeliverableFormat" AS ENUM ('html', 'pdf', 'svg');

-- CreateEnum
CREATE TYPE "AnalysisSource" AS ENUM ('llm', 'rules');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "cognito_sub" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'client',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "company_profiles" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "company_name" TEXT NOT NULL,
    "industry" TEXT,
    "revenue_band" TEXT,
    "team_size" TEXT,
    "business_model" TEXT,
    "growth_stage" TEXT,
    "regulated" BOOLEAN NOT NULL DEFAULT false,
    "has_physical_products" BOOLEAN NOT NULL DEFAULT false,
    "subscription_model" BOOLEAN NOT NULL DEFAULT false,
    "channel_sales" BOOLEAN NOT NULL DEFAULT false,
    "headcount_growth_over_50" BOOLEAN NOT NULL DEFAULT false,
    "challenges" TEXT,
    "objectives" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "company_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessments" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'draft',
    "content_version" INTEGER NOT NULL,
    "profile_snapshot" JSONB,
    "submitted_at" TIMESTAMP(3),
    "summary_due_at" TIMESTAMP(3),
    "report_due_at" TIMESTAMP(3),
    "kits_due_at" TIMESTAMP(3),
    "completed_at" TIMESTAMP(3),
    "failed_stage" TEXT,
    "failure_reason" TEXT,
    "failed_at" TIMESTAMP(3),
    "correlation_id" TEXT,
    "final_priorities" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "assessments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answers" (
    "id" UUID NOT NULL,
    "assessment_id" UUID NOT NULL,
    "question_id" TEXT NOT NULL,
    "score" INTEGER,
    "text" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "documents" (
    "id" UUID NOT NULL,
    "assessment_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "domain" TEXT,
    "object_key" TEXT NOT NULL,
    "status" "DocumentStatus" NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uploaded_at" TIMESTAMP(3),

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "assessment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "stripe_session_id" TEXT NOT NULL,
    "stripe_payment_intent_id" TEXT,
    "amount_pence" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'gbp',
    "status" "PaymentStatus" NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paid_at" TIMESTAMP(3),

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stripe_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "processed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stripe_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL,
    "aggregate_id" TEXT NOT NULL,
    "detail_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "correlation_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "triage_results" (
    "id" UUID NOT NULL,
    "assessment_id" UUID NOT NULL,
    "activated_domains" TEXT[],
    "domain_scores" JSONB NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "source" "AnalysisSource" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "triage_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agent_analyses" (
    "id" UUID NOT NULL,
    "assessment_id" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "health_score" INTEGER NOT NULL,
    "band" TEXT NOT NULL,
    "confidence" INTEGER NOT NULL,
    "result" JSONB NOT NULL,
    "source" "AnalysisSource" NOT NULL,
    "needs_review" BOOLEAN NOT NULL DEFAULT false,
    "review_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_analyses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agent_prompts" (
    "id" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "persona_name" TEXT NOT NULL,
    "background" TEXT NOT NULL,
    "style" TEXT NOT NULL,
    "system_prompt" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_prompts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliverables" (
    "id" UUID NOT NULL,
    "assessment_id" UUID NOT NULL,
    "stage" "DeliverableStage" NOT NULL,
    "format" "DeliverableFormat" NOT NULL,
    "object_key" TEXT NOT NULL,
    "due_at" TIMESTAMP(3),
    "delivered_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deliverables_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "validations" (
    "id" UUID NOT NULL,
    "assessment_id" UUID NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "validations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pipeline_executions" (
    "id" UUID NOT NULL,
    "assessment_id" UUID NOT NULL,
    "execution_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "input" JSONB,
    "task_token" TEXT,
    "task_token_at" TIMESTAMP(3),
    "callback_output" JSONB,
    "callback_error" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "error" TEXT,
    "history" JSONB,

    CONSTRAINT "pipeline_executions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stage_events" (
    "id" BIGSERIAL NOT NULL,
    "assessment_id" UUID NOT NULL,
    "stage" TEXT NOT NULL,
    "detail" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stage_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "emails_sent" (
    "id" UUID NOT NULL,
    "assessment_id" UUID,
    "kind" TEXT NOT NULL,
    "dedup_key" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "message_id" TEXT,
    "sent_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "emails_sent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "llm_usage" (
    "id" UUID NOT NULL,
    "assessment_id" UUID,
    "agent" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "prompt_tokens" INTEGER NOT NULL,
    "completion_tokens" INTEGER NOT NULL,
    "cost_usd" DECIMAL(12,6) NOT NULL,
    "outcome" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "llm_usage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "queue_messages" (
    "id" BIGSERIAL NOT NULL,
    "queue" TEXT NOT NULL,
    "group_id" TEXT NOT NULL,
    "dedup_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "receive_count" INTEGER NOT NULL DEFAULT 0,
    "visible_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receipt_handle" TEXT,
    "dead_lettered" BOOLEAN NOT NULL DEFAULT false,
    "dead_letter_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "queue_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "sid" VARCHAR NOT NULL,
    "sess" JSONB NOT NULL,
    "expire" TIMESTAMP(6) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "local_tasks" (
    "id" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "assessment_id" TEXT,
    "pid" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "exit_code" INTEGER,
    "reason" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stopped_at" TIMESTAMP(3),

    CONSTRAINT "local_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_cognito_sub_key" ON "users"("cognito_sub");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "company_profiles_user_id_key" ON "company_profiles"("user_id");

-- CreateIndex
CREATE INDEX "assessments_user_id_idx" ON "assessments"("user_id");

-- CreateIndex
CREATE INDEX "assessments_status_idx" ON "assessments"("status");

-- CreateIndex
CREATE UNIQUE INDEX "answers_assessment_id_question_id_key" ON "answers"("assessment_id", "question_id");

-- CreateIndex
CREATE UNIQUE INDEX "documents_object_key_key" ON "documents"("object_key");

-- CreateIndex
CREATE INDEX "documents_assessment_id_idx" ON "documents"("assessment_id");

-- CreateIndex
CREATE UNIQUE INDEX "payments_stripe_session_id_key" ON "payments"("stripe_session_id");

-- CreateIndex
CREATE INDEX "payments_assessment_id_idx" ON "payments"("assessment_id");

-- CreateIndex
CREATE INDEX "outbox_events_published_at_idx" ON "outbox_events"("published_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_events_aggregate_id_detail_type_key" ON "outbox_events"("aggregate_id", "detail_type");

-- CreateIndex
CREATE UNIQUE INDEX "triage_results_assessment_id_key" ON "triage_results"("assessment_id");

-- CreateIndex
CREATE UNIQUE INDEX "agent_analyses_assessment_id_domain_key" ON "agent_analyses"("assessment_id", "domain");

-- CreateIndex
CREATE UNIQUE INDEX "agent_prompts_domain_version_key" ON "agent_prompts"("domain", "version");

-- CreateIndex
CREATE UNIQUE INDEX "deliverables_assessment_id_stage_format_key" ON "deliverables"("assessment_id", "stage", "format");

-- CreateIndex
CREATE UNIQUE INDEX "validations_assessment_id_key" ON "validations"("assessment_id");

-- CreateIndex
CREATE UNIQUE INDEX "pipeline_executions_execution_id_key" ON "pipeline_executions"("execution_id");

-- CreateIndex
CREATE INDEX "pipeline_executions_assessment_id_idx" ON "pipeline_executions"("assessment_id");

-- CreateIndex
CREATE INDEX "stage_events_assessment_id_id_idx" ON "stage_events"("assessment_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "emails_sent_dedup_key_key" ON "emails_sent"("dedup_key");

-- CreateIndex
CREATE INDEX "emails_sent_assessment_id_idx" ON "emails_sent"("assessment_id");

-- CreateIndex
CREATE INDEX "llm_usage_assessment_id_idx" ON "llm_usage"("assessment_id");

-- CreateIndex
CREATE UNIQUE INDEX "queue_messages_receipt_handle_key" ON "queue_messages"("receipt_handle");

-- CreateIndex
CREATE INDEX "queue_messages_queue_dead_lettered_visible_at_idx" ON "queue_messages"("queue", "dead_lettered", "visible_at");

-- CreateIndex
CREATE UNIQUE INDEX "queue_messages_queue_dedup_id_key" ON "queue_messages"("queue", "dedup_id");

-- CreateIndex
CREATE INDEX "IDX_session_expire" ON "session"("expire");

-- CreateIndex
CREATE INDEX "local_tasks_status_idx" ON "local_tasks"("status");

-- AddForeignKey
ALTER TABLE "company_profiles" ADD CONSTRAINT "company_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answers" ADD CONSTRAINT "answers_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triage_results" ADD CONSTRAINT "triage_results_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_analyses" ADD CONSTRAINT "agent_analyses_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validations" ADD CONSTRAINT "validations_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pipeline_executions" ADD CONSTRAINT "pipeline_executions_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_events" ADD CONSTRAINT "stage_events_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "emails_sent" ADD CONSTRAINT "emails_sent_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "llm_usage" ADD CONSTRAINT "llm_usage_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
