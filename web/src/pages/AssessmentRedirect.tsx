import { Text } from '@mantine/core';
import { Navigate, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { useAssessment } from '../api/queries';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { isEditable } from '../lib/status';

/** /assessments/:id (the link in emails): the questionnaire while editable, else the progress page. */
export function AssessmentRedirect() {
  const { id = '' } = useParams();
  const assessment = useAssessment(id);
  if (assessment.isPending) return <PageLoader />;
  if (assessment.isError)
    return isApiError(assessment.error, 404) ? (
      <Text>This assessment does not exist, or it belongs to another account.</Text>
    ) : (
      <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
    );
  const base = `/assessments/${encodeURIComponent(id)}`;
  return (
    <Navigate to={isEditable(assessment.data.status) ? `${base}/questionnaire` : `${base}/status`} replace />
  );
}
