/**
 * The public pages a buyer of a £7,500 service looks for before paying: who is behind it, how their data is
 * handled, the terms, privacy, refunds and how to reach us. Plain words, no invented credentials.
 */
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { usePublicSettings } from '../api/queries';
import { PageHeading } from '../components/PageHeading';
import { DEFAULT_PRICE_GBP_PENCE, formatGbp } from '../lib/format';
import { SLA_TOLERANCE_HOURS } from '../../../src/domain/schedule';

function usePrice() {
  const settings = usePublicSettings();
  return formatGbp(settings.data?.priceGbpPence ?? DEFAULT_PRICE_GBP_PENCE);
}

/** The contact address (SUPPORT_EMAIL), as a mailto link; a stable placeholder width while it loads. */
function ContactEmail() {
  const settings = usePublicSettings();
  const email = settings.data?.contactEmail;
  if (!email) return <span style={{ display: 'inline-block', minWidth: '12ch' }}>our contact address</span>;
  return <Anchor href={`mailto:${email}`}>{email}</Anchor>;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function InfoPage({
  title,
  intro,
  children,
}: {
  title: string;
  intro: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <PageHeading>{title}</PageHeading>
        <Text size="lg">{intro}</Text>
      </div>
      {children}
      <Text size="sm" c="dimmed">
        Questions about this page? Write to <ContactEmail />.
      </Text>
    </Stack>
  );
}

export function AboutPage() {
  return (
    <InfoPage
      title="About ScaleMap"
      intro="ScaleMap is a small company run by its founding team. We built it for founders who need an outside view of their operations quickly, without a months-long consulting engagement."
    >
      <Section title="Who does the work">
        <Text>
          The analysis is done by AI specialists, one for each operational domain, working from your answers
          and your documents. We say so plainly: there are no human consultants writing your report, and the
          specialists&apos; names in your documents are labels for AI analysts, not people.
        </Text>
        <Text>
          The founding team runs the service and stands behind every assessment. We are alerted as soon as a
          step slips, we re-run anything that fails, and we review any analysis whose confidence falls below
          our bar before it reaches you.
        </Text>
      </Section>
      <Section title="What we believe">
        <List spacing="xs">
          <List.Item>
            Two or three well-chosen changes move a scaling company further than a list of forty.
          </List.Item>
          <List.Item>
            A promise with a clock on it is worth more than a vague one: 24, 48 and 72 hours.
          </List.Item>
          <List.Item>Your data is yours. We use it for your assessment and for nothing else.</List.Item>
        </List>
      </Section>
      <Section title="See before you buy">
        <Text>
          Read the{' '}
          <Anchor component={Link} to="/sample">
            sample assessment
          </Anchor>{' '}
          of a fictional company, produced by the same pipeline that will analyse yours.
        </Text>
      </Section>
    </InfoPage>
  );
}

export function ConfidentialityPage() {
  return (
    <InfoPage
      title="Confidentiality and data handling"
      intro="You will tell us things about your company that you would not tell a competitor. This is how we look after them."
    >
      <Section title="What we keep">
        <List spacing="xs">
          <List.Item>Your account: name, email address and company name.</List.Item>
          <List.Item>Your company profile, your answers and the documents you upload.</List.Item>
          <List.Item>The deliverables we produce for you and the emails we send you.</List.Item>
        </List>
      </Section>
      <Section title="Where it lives">
        <Text>
          Everything is stored in our own cloud account in the European Union (AWS, Ireland): the database is
          encrypted at rest, documents are kept in private storage that only signed, short-lived links can
          reach, and every connection is encrypted in transit.
        </Text>
      </Section>
      <Section title="Who can see it">
        <List spacing="xs">
          <List.Item>You, signed in to your account.</List.Item>
          <List.Item>
            The founding team, to run and support the service (for example to re-run a step that failed).
          </List.Item>
          <List.Item>
            When the AI analysis uses OpenAI, the relevant answers and document extracts are sent to
            OpenAI&apos;s API, which does not use API data to train its models. Nothing else leaves our
            systems.
          </List.Item>
        </List>
      </Section>
      <Section title="What we never do">
        <Text>
          We do not sell or share your data, we do not use it to market to anyone else, and we do not name you
          as a client without your written agreement.
        </Text>
      </Section>
      <Section title="Keeping and deleting">
        <Text>
          Your assessment stays available in your account so you can come back to the kits. Ask us at any time
          and we delete your account, answers, documents and deliverables. See the{' '}
          <Anchor component={Link} to="/privacy">
            privacy notice
          </Anchor>{' '}
          for your rights.
        </Text>
      </Section>
    </InfoPage>
  );
}

export function TermsPage() {
  const price = usePrice();
  return (
    <InfoPage
      title="Terms of service"
      intro="The short version: you pay one fixed price, we deliver three documents within 72 hours of your submission, and your data stays yours."
    >
      <Section title="The service">
        <Text>
          ScaleMap is an operational assessment produced by AI specialists from the answers and documents you
          provide. It is guidance for your own decisions, not legal, financial or tax advice, and its quality
          depends on the accuracy of what you tell us.
        </Text>
      </Section>
      <Section title="Price and payment">
        <Text>
          The price is {price}, paid once by card through Stripe when you submit. There are no subscriptions
          and nothing is charged later.
        </Text>
      </Section>
      <Section title="Our delivery promise">
        <List spacing="xs">
          <List.Item>
            Executive summary within 24 hours of submission (counted on time up to{' '}
            {SLA_TOLERANCE_HOURS.executiveSummary} hour after).
          </List.Item>
          <List.Item>
            Detailed report within 48 hours (up to {SLA_TOLERANCE_HOURS.detailedReport} hours after).
          </List.Item>
          <List.Item>
            Implementation kits within 72 hours (up to {SLA_TOLERANCE_HOURS.implementationKits} hour after).
          </List.Item>
        </List>
        <Text>
          If we miss a promise, the{' '}
          <Anchor component={Link} to="/refunds">
            refund policy
          </Anchor>{' '}
          applies.
        </Text>
      </Section>
      <Section title="Your answers are locked on submission">
        <Text>
          Submitting locks your answers and documents, because the analysis starts at once. You can still add
          context in the validation step after the detailed report.
        </Text>
      </Section>
      <Section title="Your content">
        <Text>
          You keep all rights to your answers and documents and you own the deliverables we produce for you.
          You give us the right to process them only to produce and deliver your assessment.
        </Text>
      </Section>
    </InfoPage>
  );
}

export function PrivacyPage() {
  return (
    <InfoPage
      title="Privacy notice"
      intro="What personal data we process, why, and the rights you have under UK and EU data protection law."
    >
      <Section title="The data and why we process it">
        <List spacing="xs">
          <List.Item>
            Account data (name, email address, company name): to give you access and send you your
            deliverables.
          </List.Item>
          <List.Item>
            Assessment content (answers, documents): to produce the assessment you bought.
          </List.Item>
          <List.Item>
            Payment records: Stripe processes your card; we keep only whether and when you paid.
          </List.Item>
          <List.Item>
            A session cookie to keep you signed in. We use no advertising or tracking cookies.
          </List.Item>
        </List>
      </Section>
      <Section title="Who processes it for us">
        <Text>
          Amazon Web Services (hosting and email, EU region), Stripe (payments) and, when enabled, OpenAI
          (analysis). Each acts as our processor under its standard data processing terms.
        </Text>
      </Section>
      <Section title="Your rights">
        <Text>
          You can ask for a copy of your data, have it corrected or deleted, and object to its processing.
          Write to <ContactEmail /> and we answer within one month. You can also complain to the Information
          Commissioner&apos;s Office (ico.org.uk).
        </Text>
      </Section>
    </InfoPage>
  );
}

export function RefundsPage() {
  const price = usePrice();
  return (
    <InfoPage title="Refunds" intro={`You pay ${price} once, when you submit. Here is when you get it back.`}>
      <Section title="Before you submit">
        <Text>Nothing is charged until you submit, so there is nothing to refund.</Text>
      </Section>
      <Section title="If we miss the 72-hour promise">
        <Text>
          If the implementation kits reach you later than 72 hours after submission plus the stated tolerance
          of {SLA_TOLERANCE_HOURS.implementationKits} hour, ask for a refund within 30 days and you get the
          full price back. You keep the deliverables.
        </Text>
      </Section>
      <Section title="If the assessment is not useful">
        <Text>
          If, after reading the detailed report, you believe it does not reflect your company, tell us in the
          validation step or by email within 14 days of submission. We will look at it with you and, if we
          cannot put it right, refund you in full.
        </Text>
      </Section>
      <Section title="How">
        <Text>
          Write to <ContactEmail /> from the address on your account. Refunds go back to the card you paid
          with, usually within 5 to 10 working days.
        </Text>
      </Section>
    </InfoPage>
  );
}

export function ContactPage() {
  return (
    <InfoPage
      title="Contact"
      intro="A person from the founding team reads every message and answers within one working day."
    >
      <Section title="Email">
        <Text>
          <ContactEmail />
        </Text>
        <Text size="sm">
          If your question is about an assessment, write from the email address on your account so we can find
          it quickly.
        </Text>
      </Section>
      <Section title="While an assessment is running">
        <Text>
          You do not need to chase us: the progress page of your assessment updates by itself, and we email
          you as each deliverable arrives. If a step takes longer than planned, we are alerted automatically
          and on it.
        </Text>
      </Section>
    </InfoPage>
  );
}
