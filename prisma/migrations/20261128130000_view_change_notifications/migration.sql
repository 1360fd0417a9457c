-- The API caches each assessment's view and each user's company profile per process (src/api/read-cache.ts).
-- These triggers tell every API process when either changes, from inside the writing transaction, so no code
-- path (API, pipeline step, agent, data tool) can forget to: PostgreSQL delivers a NOTIFY at commit, once per
-- payload and transaction, and not at all on rollback. Payloads: 'a:<assessment id>', 'p:<user id>'.
-- Except answers: the autosave writes them many times a minute per client, and a NOTIFY inside a transaction holds
-- PostgreSQL's notify queue lock through the commit's WAL flush, which serialises every autosave's commit (measured
-- on this machine, 50 concurrent 20-answer upserts: 1,298 statements/s without, 459 with a trigger). The autosave
-- (src/api/routes/assessments.ts) sends 'a:<assessment id>' right after its commit instead (1,113/s), and the
-- other writers of answers delete them with their assessment, whose own trigger notifies.
-- Prisma's schema language cannot express triggers: they live here only. The function bodies are E'' strings
-- with \073 for the semicolon because the migration runner (Prisma's driver adapter) splits scripts at every semicolon.

CREATE FUNCTION scalemap_assessment_row_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN PERFORM pg_notify(''scalemap_cache'', ''a:'' || OLD.id)\073 END IF\073
  IF TG_OP <> ''DELETE'' THEN PERFORM pg_notify(''scalemap_cache'', ''a:'' || NEW.id)\073 END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION scalemap_assessment_child_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN PERFORM pg_notify(''scalemap_cache'', ''a:'' || OLD.assessment_id)\073 END IF\073
  IF TG_OP <> ''DELETE'' THEN PERFORM pg_notify(''scalemap_cache'', ''a:'' || NEW.assessment_id)\073 END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION scalemap_profile_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN PERFORM pg_notify(''scalemap_cache'', ''p:'' || OLD.user_id)\073 END IF\073
  IF TG_OP <> ''DELETE'' THEN PERFORM pg_notify(''scalemap_cache'', ''p:'' || NEW.user_id)\073 END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER assessments_changed AFTER INSERT OR UPDATE OR DELETE ON "assessments"
  FOR EACH ROW EXECUTE FUNCTION scalemap_assessment_row_changed();
CREATE TRIGGER documents_changed AFTER INSERT OR UPDATE OR DELETE ON "documents"
  FOR EACH ROW EXECUTE FUNCTION scalemap_assessment_child_changed();
CREATE TRIGGER payments_changed AFTER INSERT OR UPDATE OR DELETE ON "payments"
  FOR EACH ROW EXECUTE FUNCTION scalemap_assessment_child_changed();
CREATE TRIGGER triage_results_changed AFTER INSERT OR UPDATE OR DELETE ON "triage_results"
  FOR EACH ROW EXECUTE FUNCTION scalemap_assessment_child_changed();
CREATE TRIGGER agent_analyses_changed AFTER INSERT OR UPDATE OR DELETE ON "agent_analyses"
  FOR EACH ROW EXECUTE FUNCTION scalemap_assessment_child_changed();
CREATE TRIGGER deliverables_changed AFTER INSERT OR UPDATE OR DELETE ON "deliverables"
  FOR EACH ROW EXECUTE FUNCTION scalemap_assessment_child_changed();
CREATE TRIGGER validations_changed AFTER INSERT OR UPDATE OR DELETE ON "validations"
  FOR EACH ROW EXECUTE FUNCTION scalemap_assessment_child_changed();
-- The view reads only which executions wait for a validation (task_token): not every history update.
CREATE TRIGGER pipeline_executions_changed AFTER INSERT OR UPDATE OF task_token OR DELETE ON "pipeline_executions"
  FOR EACH ROW EXECUTE FUNCTION scalemap_assessment_child_changed();
CREATE TRIGGER company_profiles_changed AFTER INSERT OR UPDATE OR DELETE ON "company_profiles"
  FOR EACH ROW EXECUTE FUNCTION scalemap_profile_changed();
