import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { PageHeading } from '../components/PageHeading';
import { PageLoader } from '../components/PageLoader';
import { SandboxedHtml } from '../components/SandboxedHtml';

/**
 * The sample assessment: three deliverables of a fictional company, produced by the real pipeline
 * (`npm run sample:report` writes them into web/public/sample/).
 */
const STAGES = {
  'executive-summary': {
    title: 'Executive summary',
    when: 'within 24 hours',
    what: 'Overall operational health, the three priority bottlenecks and the strengths to build on.',
  },
  'detailed-report': {
    title: 'Detailed report',
    when: 'within 48 hours',
    what: 'The heatmap of all twelve domains, a section per priority with phased recommendations, and a roadmap.',
  },
  'implementation-kits': {
    title: 'Implementation kits',
    when: 'within 72 hours',
    what: 'Per priority: a 90-day playbook, a communication kit, KPIs and milestones, and a risk plan.',
  },
} as const;
type Stage = keyof typeof STAGES;

interface SampleIndex {
  company: string;
  industry: string;
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

function useSampleIndex() {
  return useQuery({
    queryKey: ['sample', 'index'],
    queryFn: async () => JSON.parse(await fetchText('/sample/index.json')) as SampleIndex,
    staleTime: Infinity,
  });
}

function SampleDocument({ stage }: { stage: Stage }) {
  const info = STAGES[stage];
  const html = useQuery({
    queryKey: ['sample', stage],
    queryFn: () => fetchText(`/sample/${stage}.html`),
    staleTime: Infinity,
  });
  return (
    <Stack gap="md">
      <PageHeading title={`Sample ${info.title.toLowerCase()}`}>Sample: {info.title}</PageHeading>
      <Group justify="space-between" gap="sm">
        <Anchor component={Link} to="/sample">
          All three sample documents
        </Anchor>
        <Button component="a" href={`/sample/${stage}.pdf`} download variant="default" size="sm">
          Download the PDF
        </Button>
      </Group>
      {html.isPending && <PageLoader label="Loading the sample" />}
      {html.isError && (
        <Alert color="orange" title="The sample could not be loaded" role="status">
          Please try again in a moment.
        </Alert>
      )}
      {html.data && <SandboxedHtml html={html.data} title={`Sample ${info.title.toLowerCase()}`} />}
    </Stack>
  );
}

export function SamplePage() {
  const { stage } = useParams();
  const index = useSampleIndex();
  if (stage && stage in STAGES) return <SampleDocument stage={stage as Stage} />;
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <PageHeading>A sample assessment</PageHeading>
        <Text size="lg" maw={760}>
          These are the three deliverables ScaleMap produced for{' '}
          <strong>{index.data?.company ?? 'a fictional company'}</strong>, a made-up B2B software company with
          tight cash, unpredictable revenue and leaders leaving. The same pipeline that will analyse your
          company produced them, from a filled-in questionnaire.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {(Object.keys(STAGES) as Stage[]).map((s) => (
          <Card key={s} withBorder padding="lg" radius="md" component="article">
            <Title order={2} size="h4" mb={4}>
              {STAGES[s].title}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              Delivered {STAGES[s].when}
            </Text>
            <Text size="sm" mb="md">
              {STAGES[s].what}
            </Text>
            <Group gap="sm">
              <Button component={Link} to={`/sample/${s}`} size="sm">
                Read
                <span className="visually-hidden-inline"> the sample {STAGES[s].title.toLowerCase()}</span>
              </Button>
              <Anchor href={`/sample/${s}.pdf`} download size="sm">
                Download PDF
                <span className="visually-hidden-inline"> of the sample {STAGES[s].title.toLowerCase()}</span>
              </Anchor>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
