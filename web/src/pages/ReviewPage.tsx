import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, apiFetch, isApiError } from '../api/client';
import { errorMessage } from '../api/errors';
import { assessmentPath, queryKeys, useAssessment, useMe } from '../api/queries';
import type { Assessment, SubmitResponse } from '../api/types';
import { AssessmentNav } from '../components/AssessmentNav';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading } from '../components/PageHeading';
import { PageLoader } from '../components/PageLoader';
import { ToneBadge } from '../components/ToneBadge';
import { domainLabel } from '../lib/domains';
import { DEFAULT_PRICE_GBP_PENCE, formatGbp, formatPercent } from '../lib/format';
import { isEditable } from '../lib/status';
import { useSavesInFlight } from '../questionnaire/useAutosave';

/** `details.incompleteDomains` of a 422: domain ids, or objects with a domain id (and maybe a name). */
export function incompleteFromError(err: unknown): string[] {
  if (!(err instanceof ApiError) || err.code !== 'incomplete') return [];
  const list = (err.details as { incompleteDomains?: unknown } | undefined)?.incompleteDomains;
  if (!Array.isArray(list)) return [];
  return list
    .map((d) => {
      if (typeof d === 'string') return domainLabel(d);
      if (d && typeof d === 'object') {
        const o = d as { domain?: string; name?: string; id?: string };
        return o.name ?? domainLabel(o.domain ?? o.id);
      }
      return '';
    })
    .filter(Boolean);
}

function ReviewView({ a }: { a: Assessment }) {
  const me = useMe({ enabled: true });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const base = `/assessments/${encodeURIComponent(a.id)}`;
  const price = formatGbp(me.data?.settings.priceGbpPence ?? DEFAULT_PRICE_GBP_PENCE);
  const paymentsOn =
    a.payment.required && a.payment.status !== 'not-required' && (me.data?.settings.paymentRequired ?? true);
  const paid = a.payment.status === 'paid';
  const returnedPaid = params.get('paid') === '1';
  const cancelled = params.get('cancelled') === '1';
  const incomplete = a.progress.domains.filter((d) => d.applicable > 0 && !d.complete);
  const editable = isEditable(a.status);
  // Answers still being saved (from the questionnaire just left): the counts below would be behind.
  const saving = useSavesInFlight();
  const [confirming, setConfirming] = useState(false);
  const company = me.data?.profile?.companyName;

  // Back from Stripe: the webhook may land a moment after the redirect, so poll until the payment shows.
  const waitingForWebhook = returnedPaid && paymentsOn && !paid;
  useEffect(() => {
    if (!waitingForWebhook) return;
    const t = setInterval(
      () => void queryClient.invalidateQueries({ queryKey: queryKeys.assessment(a.id) }),
      2000,
    );
    return () => clearInterval(t);
  }, [waitingForWebhook, a.id, queryClient]);

  const checkout = useMutation({
    // The API builds the return URLs itself (…/review?paid=1 and ?cancelled=1) and rejects any in the body.
    mutationFn: () =>
      apiFetch<{ url: string }>(assessmentPath(a.id, '/checkout'), { method: 'POST', body: {} }),
    onSuccess: ({ url }) => window.location.assign(url),
  });

  const submit = useMutation({
    mutationFn: () => apiFetch<SubmitResponse>(assessmentPath(a.id, '/submit'), { method: 'POST' }),
    onSuccess: (res) => {
      queryClient.setQueryData<Assessment>(queryKeys.assessment(a.id), (old) =>
        old ? { ...old, status: 'submitted', dueTimes: res?.dueTimes ?? old.dueTimes } : old,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.assessment(a.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.assessments });
      navigate(`${base}/status?submitted=1`);
    },
  });

  if (!editable) {
    return (
      <Alert color="indigo" title="Already submitted">
        This assessment has been submitted.{' '}
        <Anchor component={Link} to={`${base}/status`}>
          Follow its progress
        </Anchor>
        .
      </Alert>
    );
  }

  const submitErr = submit.error;
  const missing = incompleteFromError(submitErr);
  const profileMissing =
    submitErr instanceof ApiError &&
    submitErr.code === 'incomplete' &&
    (submitErr.details as { profile?: boolean } | null)?.profile === false;
  const canSubmit = incomplete.length === 0 && (!paymentsOn || paid);

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" radius="md">
        <Title order={2} size="h3" mb="sm">
          1. Questionnaire
        </Title>
        {saving ? (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden="true" />
            <Text>Saving your latest answers; the counts update in a moment.</Text>
          </Group>
        ) : (
          <Text mb="sm">
            Overall {formatPercent(a.progress.overall)} answered. Every domain that applies to you needs at
            least 80% of its questions answered.
          </Text>
        )}
        {saving ? null : incomplete.length === 0 ? (
          <Text c="green.9" fw={600}>
            ✓ Every domain is complete.
          </Text>
        ) : (
          <>
            <Text fw={600} id="incomplete-heading">
              Still incomplete ({incomplete.length}):
            </Text>
            <List spacing={4} mt={4} aria-labelledby="incomplete-heading">
              {incomplete.map((d) => (
                <List.Item key={d.domain}>
                  <Anchor
                    component={Link}
                    to={`${base}/questionnaire?domain=${encodeURIComponent(d.domain)}`}
                  >
                    {d.name || domainLabel(d.domain)}
                  </Anchor>{' '}
                  ({d.answered} of {d.applicable} answered, {formatPercent(d.ratio)})
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Card>

      <Card withBorder padding="lg" radius="md">
        <Title order={2} size="h3" mb="sm">
          2. Documents
        </Title>
        <Text>
          {a.documents.length === 0
            ? 'No documents uploaded. They are optional, but they sharpen the analysis.'
            : `${a.documents.length} document${a.documents.length === 1 ? '' : 's'} uploaded.`}{' '}
          <Anchor component={Link} to={`${base}/documents`}>
            Manage documents
          </Anchor>
        </Text>
      </Card>

      <Card withBorder padding="lg" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3">
            3. Payment
          </Title>
          {paymentsOn && (
            <ToneBadge
              tone={paid ? 'success' : a.payment.status === 'pending' ? 'warning' : 'neutral'}
              size="lg"
            >
              {paid ? 'Paid' : a.payment.status === 'pending' ? 'Payment pending' : 'Not paid'}
            </ToneBadge>
          )}
        </Group>
        {!paymentsOn ? (
          <Alert color="indigo" title="Payments are switched off here">
            This ScaleMap instance does not take payments (local or test mode), so you can submit without
            paying.
          </Alert>
        ) : paid ? (
          <Text c="green.9" fw={600}>
            ✓ Payment received. Thank you.
          </Text>
        ) : (
          <Stack gap="sm">
            {cancelled && (
              <Alert color="yellow" title="Payment cancelled" role="status">
                You left the payment page before paying. Nothing was charged.
              </Alert>
            )}
            {waitingForWebhook && (
              <Alert color="indigo" title="Confirming your payment" role="status">
                Stripe has sent you back to us; we are waiting for its confirmation. This usually takes a few
                seconds.
              </Alert>
            )}
            <Text>
              The assessment costs {price}, paid once by card through Stripe&apos;s secure checkout. You come
              back here afterwards to submit.
            </Text>
            {checkout.error && (
              <Alert color="red" role="alert" title="The payment page could not be opened">
                {errorMessage(checkout.error, {
                  conflict:
                    'Payments are switched off on this ScaleMap instance: you can submit without paying.',
                })}
              </Alert>
            )}
            <Group>
              <Button onClick={() => checkout.mutate()} loading={checkout.isPending || checkout.isSuccess}>
                Pay {price}
              </Button>
            </Group>
          </Stack>
        )}
      </Card>

      <Card withBorder padding="lg" radius="md">
        <Title order={2} size="h3" mb="sm">
          4. Order summary and submission
        </Title>
        <Table variant="vertical" layout="fixed" withTableBorder mb="md" captionSide="top">
          <Table.Caption>Your order</Table.Caption>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={{ base: 120, sm: 200 }}>Service</Table.Th>
              <Table.Td>ScaleMap operational assessment{company ? ` for ${company}` : ''}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Price</Table.Th>
              <Table.Td>
                {price}, paid once
                {paymentsOn ? (paid ? ' (paid)' : ' (not paid yet)') : ' (payments are off here)'}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Your input</Table.Th>
              <Table.Td>
                {formatPercent(a.progress.overall)} of the questions answered, {a.documents.length} document
                {a.documents.length === 1 ? '' : 's'}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Delivery</Table.Th>
              <Table.Td>
                Executive summary within 24 hours, detailed report within 48, implementation kits within 72,
                counted from submission
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text mb="sm">
          When you submit, your answers and documents are locked and the 72-hour clock starts. See the{' '}
          <Anchor component={Link} to="/terms">
            terms
          </Anchor>{' '}
          and the{' '}
          <Anchor component={Link} to="/refunds">
            refund policy
          </Anchor>
          .
        </Text>
        {submitErr && (
          <Alert color="red" role="alert" title="The assessment was not submitted" mb="sm">
            {errorMessage(submitErr, {
              payment_required: 'Payment is needed before you can submit.',
              conflict:
                'This assessment cannot be submitted in its current state (it may already be submitted).',
            })}
            {profileMissing && (
              <Text size="sm" mt="xs">
                <Anchor component={Link} to={`/profile?next=${encodeURIComponent(`${base}/review`)}`}>
                  Complete your company profile
                </Anchor>
              </Text>
            )}
            {missing.length > 0 && (
              <List size="sm" mt="xs">
                {missing.map((m) => (
                  <List.Item key={m}>{m}</List.Item>
                ))}
              </List>
            )}
            {isApiError(submitErr, 409) && (
              <Text size="sm" mt="xs">
                <Anchor component={Link} to={`${base}/status`}>
                  See the assessment&apos;s progress
                </Anchor>
              </Text>
            )}
          </Alert>
        )}
        {!canSubmit && (
          <Text size="sm" mb="sm">
            {incomplete.length > 0
              ? 'Complete the domains listed above to submit.'
              : 'Pay first, then submit.'}
          </Text>
        )}
        <Group>
          <Button
            size="md"
            onClick={() => (canSubmit && !saving ? setConfirming(true) : submit.mutate())}
            loading={submit.isPending}
            disabled={saving}
            variant={canSubmit ? 'filled' : 'default'}
          >
            Submit the assessment
          </Button>
        </Group>
        <Modal
          opened={confirming}
          onClose={() => setConfirming(false)}
          title="Submit and lock your answers?"
          centered
        >
          <Stack gap="md">
            <Text size="sm">
              Your answers and documents will be locked and can no longer be changed. The 72-hour clock starts
              now: the executive summary arrives within 24 hours.
            </Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Not yet
              </Button>
              <Button
                onClick={() => {
                  setConfirming(false);
                  submit.mutate();
                }}
              >
                Yes, submit now
              </Button>
            </Group>
          </Stack>
        </Modal>
      </Card>
    </Stack>
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const assessment = useAssessment(id);
  let body: React.ReactNode;
  if (assessment.isPending) body = <PageLoader />;
  else if (assessment.isError)
    body = isApiError(assessment.error, 404) ? (
      <Text>This assessment does not exist, or it belongs to another account.</Text>
    ) : (
      <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
    );
  else
    body = (
      <>
        <AssessmentNav assessment={assessment.data} />
        <ReviewView a={assessment.data} />
      </>
    );
  return (
    <Stack gap={0} maw={860}>
      <PageHeading>Review and submit</PageHeading>
      {body}
    </Stack>
  );
}
