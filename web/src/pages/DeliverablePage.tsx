import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { apiFetchText, apiUrl, isApiError } from '../api/client';
import { assessmentPath, useAssessment } from '../api/queries';
import { DELIVERABLE_STAGES, type DeliverableStage } from '../api/types';
import { AssessmentNav } from '../components/AssessmentNav';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading } from '../components/PageHeading';
import { PageLoader } from '../components/PageLoader';
import { SandboxedHtml } from '../components/SandboxedHtml';
import { formatDateTime } from '../lib/format';
import { NotFoundPage } from './NotFoundPage';

const TITLES: Record<DeliverableStage, string> = {
  'executive-summary': 'Executive summary',
  'detailed-report': 'Detailed report',
  'implementation-kits': 'Implementation kits',
};

const DUE_KEYS = {
  'executive-summary': 'executiveSummary',
  'detailed-report': 'detailedReport',
  'implementation-kits': 'implementationKits',
} as const;

function isStage(s: string | undefined): s is DeliverableStage {
  return !!s && (DELIVERABLE_STAGES as readonly string[]).includes(s);
}

function DeliverableView({ id, stage }: { id: string; stage: DeliverableStage }) {
  const navigate = useNavigate();
  const assessment = useAssessment(id);
  const path = assessmentPath(id, `/deliverables/${stage}`);
  const meta = assessment.data?.deliverables.find((d) => d.stage === stage);
  // Ask for the document only once the assessment says it was delivered (no 404 noise before then).
  const delivered = !!meta?.deliveredAt;
  const html = useQuery({
    queryKey: ['deliverable', id, stage],
    queryFn: () => apiFetchText(`${path}?format=html`, { accept: 'text/html' }),
    staleTime: 5 * 60_000,
    enabled: delivered,
  });
  const pdfHref = apiUrl(`${path}?format=pdf`);
  const dueAt = meta?.dueAt ?? assessment.data?.dueTimes?.[DUE_KEYS[stage]] ?? null;

  let body: React.ReactNode;
  if (assessment.isPending) body = <PageLoader />;
  else if (assessment.isError)
    body = isApiError(assessment.error, 404) ? (
      <Text>This assessment does not exist, or it belongs to another account.</Text>
    ) : (
      <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
    );
  else if (!delivered || (html.isError && (isApiError(html.error, 404) || isApiError(html.error, 409)))) {
    body = (
      <Alert color="indigo" title="Not ready yet">
        This document has not been delivered yet
        {dueAt ? `; it is due ${formatDateTime(dueAt)}` : ''}.{' '}
        <Anchor component={Link} to={`/assessments/${encodeURIComponent(id)}/status`}>
          Follow the progress
        </Anchor>
        .
      </Alert>
    );
  } else if (html.isPending) body = <PageLoader label={`Loading the ${TITLES[stage].toLowerCase()}`} />;
  else if (html.isError) body = <ErrorAlert error={html.error} onRetry={() => void html.refetch()} />;
  else {
    body = (
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            {meta?.deliveredAt ? `Delivered ${formatDateTime(meta.deliveredAt)}` : ''}
          </Text>
          <Button component="a" href={pdfHref} download={`scalemap-${stage}.pdf`} variant="default">
            Download PDF
          </Button>
        </Group>
        <SandboxedHtml html={html.data} title={TITLES[stage]} minHeight={600} onNavigate={navigate} />
      </Stack>
    );
  }

  return (
    <>
      {assessment.data && <AssessmentNav assessment={assessment.data} />}
      {body}
    </>
  );
}

export function DeliverablePage() {
  const { id = '', stage } = useParams();
  if (!isStage(stage)) return <NotFoundPage />;
  return (
    <Stack gap={0}>
      <PageHeading>{TITLES[stage]}</PageHeading>
      <DeliverableView key={`${id}/${stage}`} id={id} stage={stage} />
    </Stack>
  );
}
