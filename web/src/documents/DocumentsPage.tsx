import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { apiFetch, apiUrl, isApiError } from '../api/client';
import { errorMessage } from '../api/errors';
import { assessmentPath, queryKeys, useAssessment } from '../api/queries';
import type { Assessment, DocumentInfo } from '../api/types';
import { AssessmentNav } from '../components/AssessmentNav';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading } from '../components/PageHeading';
import { PageLoader } from '../components/PageLoader';
import { domainLabel } from '../lib/domains';
import { formatBytes, formatDateTime } from '../lib/format';
import { isEditable } from '../lib/status';
import { DocumentUploader } from './DocumentUploader';

function DocumentRow({
  assessmentId,
  doc,
  editable,
}: {
  assessmentId: string;
  doc: DocumentInfo;
  editable: boolean;
}) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () =>
      apiFetch<void>(assessmentPath(assessmentId, `/documents/${encodeURIComponent(doc.id)}`), {
        method: 'DELETE',
      }),
    onSuccess: () => {
      queryClient.setQueryData<Assessment>(queryKeys.assessment(assessmentId), (old) =>
        old ? { ...old, documents: old.documents.filter((d) => d.id !== doc.id) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.assessment(assessmentId) });
    },
  });
  const href = apiUrl(assessmentPath(assessmentId, `/documents/${encodeURIComponent(doc.id)}`));
  return (
    <Table.Tr>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        <Anchor href={href} target="_blank" rel="noopener">
          {doc.fileName}
        </Anchor>
        {doc.status === 'pending' && (
          <Text size="xs" c="dimmed">
            Upload not finished: delete it and add the file again.
          </Text>
        )}
      </Table.Td>
      <Table.Td className="nowrap" data-label="Size">
        {formatBytes(doc.size)}
      </Table.Td>
      <Table.Td data-label="Domain">{doc.domain ? domainLabel(doc.domain) : '—'}</Table.Td>
      <Table.Td className="nowrap" data-label="Added">
        {formatDateTime(doc.createdAt)}
      </Table.Td>
      <Table.Td>
        {editable &&
          (confirming ? (
            <Group gap="xs" wrap="nowrap">
              <Button
                size="compact-sm"
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate()}
                aria-label={`Yes, delete ${doc.fileName}`}
              >
                Yes, delete
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => setConfirming(false)}
                aria-label={`Keep ${doc.fileName}`}
              >
                Keep
              </Button>
            </Group>
          ) : (
            <Button
              size="compact-sm"
              variant="light"
              color="red"
              onClick={() => setConfirming(true)}
              aria-label={`Delete ${doc.fileName}`}
            >
              Delete
            </Button>
          ))}
        {remove.error && (
          <Text size="xs" c="red.9" role="alert">
            {errorMessage(remove.error)}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function DocumentsPage() {
  const { id = '' } = useParams();
  const assessment = useAssessment(id);
  const queryClient = useQueryClient();

  const onUploaded = useCallback(
    (doc: DocumentInfo) => {
      queryClient.setQueryData<Assessment>(queryKeys.assessment(id), (old) =>
        old ? { ...old, documents: [...old.documents.filter((d) => d.id !== doc.id), doc] } : old,
      );
    },
    [id, queryClient],
  );

  let body: React.ReactNode;
  if (assessment.isPending) body = <PageLoader label="Loading documents" />;
  else if (assessment.isError)
    body = isApiError(assessment.error, 404) ? (
      <Text>This assessment does not exist, or it belongs to another account.</Text>
    ) : (
      <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
    );
  else {
    const a = assessment.data;
    const editable = isEditable(a.status);
    body = (
      <Stack gap="lg">
        <AssessmentNav assessment={a} />
        <Text maw={760}>
          Optional, but it sharpens the analysis: board packs, budgets and forecasts, org charts, process
          maps, KPI dashboards. Documents are read only by the AI specialists analysing your assessment.
        </Text>
        {!editable && (
          <Alert color="indigo" title="Documents are locked">
            This assessment has been submitted, so documents can no longer be added or removed.
          </Alert>
        )}
        {editable && (
          <Card withBorder padding="lg" radius="md">
            <Title order={2} size="h3" mb="md">
              Add documents
            </Title>
            <DocumentUploader
              assessmentId={a.id}
              existingCount={a.documents.length}
              onUploaded={onUploaded}
            />
          </Card>
        )}
        <Card withBorder padding="lg" radius="md">
          <Title order={2} size="h3" mb="md">
            Your documents ({a.documents.length})
          </Title>
          {a.documents.length === 0 ? (
            <Text c="dimmed">No documents yet.</Text>
          ) : (
            <Table.ScrollContainer minWidth={0}>
              <Table striped verticalSpacing="sm" className="stack-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>File</Table.Th>
                    <Table.Th>Size</Table.Th>
                    <Table.Th>Domain</Table.Th>
                    <Table.Th>Added</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden-inline">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.documents.map((d) => (
                    <DocumentRow key={d.id} assessmentId={a.id} doc={d} editable={editable} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
        {editable && (
          <Group>
            <Button component={Link} to={`/assessments/${encodeURIComponent(a.id)}/review`}>
              Continue to review and submit
            </Button>
          </Group>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap={0}>
      <PageHeading>Supporting documents</PageHeading>
      {body}
    </Stack>
  );
}
