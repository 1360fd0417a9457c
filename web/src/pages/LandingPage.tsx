import {
  Anchor,
  Box,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { Link } from 'react-router-dom';
import { useMe, usePublicSettings } from '../api/queries';
import { PageHeading } from '../components/PageHeading';
import { DOMAIN_LIST } from '../lib/domains';
import { DEFAULT_PRICE_GBP_PENCE, formatGbp } from '../lib/format';

const TIMELINE = [
  {
    hours: 24,
    title: 'Executive summary',
    text: 'Your overall operational health, the three priority bottlenecks with their growth impact, and your strengths.',
  },
  {
    hours: 48,
    title: 'Detailed report and validation',
    text: 'A heatmap of all twelve domains, a section per priority with phased recommendations, a 30-day / 90-day / 6-month roadmap, and a short form to tell us whether we got the priorities right.',
  },
  {
    hours: 72,
    title: 'Implementation kits',
    text: 'Per priority: a 90-day change playbook, stakeholder communication kit, KPIs and milestones, and a risk plan, plus a master roadmap.',
  },
];

const STEPS = [
  'Describe your company in a short profile, so we ask only questions that apply to you.',
  'Answer questions across twelve operational domains. Every answer is saved as you go; stop and resume any time.',
  'Upload supporting documents if you have them: board packs, budgets, org charts, dashboards.',
  'Pay and submit. The 72-hour clock starts and you can watch the analysis progress live.',
];

export function LandingPage() {
  const me = useMe();
  const settings = usePublicSettings();
  const signedIn = !!me.data;
  const price = formatGbp(
    settings.data?.priceGbpPence ?? me.data?.settings.priceGbpPence ?? DEFAULT_PRICE_GBP_PENCE,
  );

  return (
    <Stack gap={48}>
      <Box component="section" pt="md" aria-labelledby="hero-heading">
        <Text fw={700} c="indigo.9" tt="uppercase" size="sm" mb="xs">
          For founders of scaling companies (£1M–£50M revenue)
        </Text>
        <PageHeading
          id="hero-heading"
          title="Operational assessment in 72 hours"
          fz={{ base: 30, sm: 42 }}
          maw={760}
        >
          Find the two or three operational changes that unlock your growth, in 72 hours.
        </PageHeading>
        <Text size="lg" maw={720} mb="lg">
          ScaleMap assesses your company across twelve operational domains. Specialist AI analysts examine the
          three to five domains that matter most for you and deliver an executive summary, a detailed report
          and ready-to-use implementation kits within 72 hours of submission.
        </Text>
        <Text size="lg" fw={700} mb="lg">
          One fixed price: {price}, paid when you submit.
        </Text>
        <Group gap="md">
          {signedIn ? (
            <Button component={Link} to="/dashboard" size="md">
              Go to your dashboard
            </Button>
          ) : (
            <>
              <Button component={Link} to="/register" size="md">
                Start your assessment
              </Button>
              <Button component={Link} to="/sample" size="md" variant="default">
                See a sample report
              </Button>
              <Anchor component={Link} to="/login" fw={600}>
                I already have an account
              </Anchor>
            </>
          )}
        </Group>
      </Box>

      <Box component="section" aria-labelledby="how-heading">
        <Title order={2} id="how-heading" mb="md">
          How it works
        </Title>
        <List type="ordered" spacing="sm" size="md" maw={760}>
          {STEPS.map((s) => (
            <List.Item key={s}>{s}</List.Item>
          ))}
        </List>
      </Box>

      <Box component="section" aria-labelledby="timeline-heading">
        <Title order={2} id="timeline-heading" mb="md">
          What you receive, and when
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {TIMELINE.map((t) => (
            <Card key={t.hours} withBorder padding="lg" radius="md" component="article">
              <Group gap="sm" mb="xs" wrap="nowrap">
                <ThemeIcon size={48} radius="xl" aria-hidden="true">
                  <Text fw={800} size="sm" c="white">
                    {t.hours} h
                  </Text>
                </ThemeIcon>
                <Title order={3} size="h4">
                  <span className="visually-hidden-inline">Within {t.hours} hours: </span>
                  {t.title}
                </Title>
              </Group>
              <Text size="sm">{t.text}</Text>
            </Card>
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed" mt="sm">
          Hours count from the moment you submit.
        </Text>
      </Box>

      <Box component="section" aria-labelledby="domains-heading">
        <Title order={2} id="domains-heading" mb="xs">
          The twelve domains
        </Title>
        <Text mb="md" maw={760}>
          Each domain has a handful of questions scored 1 to 5, where 1 is a strength and 5 a serious concern.
          Questions that do not apply to your company (for example supply chain without physical products) are
          left out.
        </Text>
        <SimpleGrid
          cols={{ base: 1, sm: 2, md: 3 }}
          spacing="sm"
          component="ol"
          style={{ listStyle: 'none', padding: 0 }}
        >
          {DOMAIN_LIST.map((d, i) => (
            <Card key={d.id} withBorder padding="md" radius="md" component="li">
              <Text fw={700}>
                {i + 1}. {d.name}
              </Text>
              <Text size="sm" c="dimmed" mt={4}>
                {d.topics}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </Box>

      <Box component="section" aria-labelledby="sample-heading">
        <Title order={2} id="sample-heading" mb="xs">
          See what you get before you pay
        </Title>
        <Text mb="md" maw={760}>
          Read the full sample assessment of a fictional B2B software company: the executive summary, the
          detailed report with its heatmap, and the implementation kits, produced by the same pipeline that
          will analyse yours.
        </Text>
        <Button component={Link} to="/sample" variant="default">
          Read the sample assessment
        </Button>
      </Box>

      <SimpleGrid component="section" cols={{ base: 1, sm: 2 }} spacing="md" aria-label="Trust">
        <Card withBorder padding="lg" radius="md" component="article">
          <Title order={2} size="h3" mb="xs">
            Who is behind ScaleMap
          </Title>
          <Text size="sm" mb="sm">
            A small founding team runs ScaleMap and stands behind every assessment. The analysis itself is
            done by AI specialists, one per domain, and we say so plainly. We are alerted the moment a step
            slips, and we review any analysis that falls below our confidence bar before it reaches you.
          </Text>
          <Anchor component={Link} to="/about" size="sm" fw={600}>
            About us
          </Anchor>
        </Card>
        <Card withBorder padding="lg" radius="md" component="article">
          <Title order={2} size="h3" mb="xs">
            Your data stays confidential
          </Title>
          <Text size="sm" mb="sm">
            Your answers and documents are stored encrypted in the EU, used only for your assessment, never
            sold or shared, and deleted when you ask.
          </Text>
          <Anchor component={Link} to="/confidentiality" size="sm" fw={600}>
            Confidentiality and data handling
          </Anchor>
        </Card>
      </SimpleGrid>

      <Box component="section" aria-labelledby="price-heading">
        <Card withBorder padding="xl" radius="md" maw={760}>
          <Title order={2} id="price-heading" mb="xs">
            One price: {price}
          </Title>
          <Text mb="md">
            Paid once, up front, by card through Stripe when you submit. It covers the full assessment:
            executive summary, detailed report with your validation, and implementation kits for every
            priority. If the kits arrive late, you get your money back (see{' '}
            <Anchor component={Link} to="/refunds">
              refunds
            </Anchor>{' '}
            and{' '}
            <Anchor component={Link} to="/terms">
              terms
            </Anchor>
            ).
          </Text>
          {!signedIn && (
            <Button component={Link} to="/register">
              Create your account
            </Button>
          )}
        </Card>
      </Box>
    </Stack>
  );
}
