import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Navigate } from 'react-router-dom';
import { apiFetch } from '../api/client';
import { queryKeys, useAssessments } from '../api/queries';
import type { Assessment } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { isEditable } from '../lib/status';

/**
 * /start: the next step after the company profile. Opens the questionnaire of the assessment under way, or of a
 * new one when there is none.
 */
export function StartPage() {
  const queryClient = useQueryClient();
  const assessments = useAssessments();
  const create = useMutation({
    mutationFn: () => apiFetch<Assessment>('/api/assessments', { method: 'POST' }),
    onSuccess: (a) => {
      queryClient.setQueryData(queryKeys.assessment(a.id), a);
      void queryClient.invalidateQueries({ queryKey: queryKeys.assessments });
    },
  });
  const draft = assessments.data
    ?.filter((a) => isEditable(a.status))
    .sort((x, y) => y.createdAt.localeCompare(x.createdAt))[0];
  const started = useRef(false);
  useEffect(() => {
    if (assessments.isSuccess && !draft && !started.current) {
      started.current = true;
      create.mutate();
    }
  }, [assessments.isSuccess, draft, create]);

  const target = draft?.id ?? create.data?.id;
  if (target) return <Navigate to={`/assessments/${encodeURIComponent(target)}/questionnaire`} replace />;
  if (assessments.isError)
    return <ErrorAlert error={assessments.error} onRetry={() => void assessments.refetch()} />;
  if (create.isError) return <ErrorAlert error={create.error} onRetry={() => create.mutate()} />;
  return <PageLoader label="Opening the questionnaire" />;
}
