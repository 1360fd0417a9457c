import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  BUSINESS_MODELS,
  GROWTH_STAGES,
  INDUSTRIES,
  REVENUE_BANDS,
  TEAM_SIZES,
  profileSchema,
  type CompanyProfile,
} from '../../../src/domain/profile';
import { apiFetch } from '../api/client';
import { errorFields, errorMessage } from '../api/errors';
import { useFieldErrors } from '../lib/useFieldErrors';
import { queryKeys, useMe } from '../api/queries';
import type { Me, ProfileView } from '../api/types';
import { PageHeading } from '../components/PageHeading';
import { PageLoader } from '../components/PageLoader';
import { safeNext } from './auth/shared';
import { YourData } from './profile/YourData';

const INDUSTRY_LABELS: Record<(typeof INDUSTRIES)[number], string> = {
  technology: 'Technology',
  saas: 'Software as a service (SaaS)',
  'financial-services': 'Financial services',
  healthcare: 'Healthcare',
  energy: 'Energy',
  manufacturing: 'Manufacturing',
  'retail-ecommerce': 'Retail and e-commerce',
  'professional-services': 'Professional services',
  marketplace: 'Marketplace or platform',
  media: 'Media',
  logistics: 'Logistics',
  other: 'Other',
};
const REVENUE_LABELS: Record<(typeof REVENUE_BANDS)[number], string> = {
  'under-1m': 'Under £1M',
  '1m-5m': '£1M to £5M',
  '5m-10m': '£5M to £10M',
  '10m-25m': '£10M to £25M',
  '25m-50m': '£25M to £50M',
  'over-50m': 'Over £50M',
};
const TEAM_LABELS: Record<(typeof TEAM_SIZES)[number], string> = {
  '1-10': '1 to 10 people',
  '11-50': '11 to 50 people',
  '51-100': '51 to 100 people',
  '101-250': '101 to 250 people',
  '251-500': '251 to 500 people',
  'over-500': 'More than 500 people',
};
const MODEL_LABELS: Record<(typeof BUSINESS_MODELS)[number], string> = {
  b2b: 'Business to business (B2B)',
  b2c: 'Business to consumer (B2C)',
  b2b2c: 'Both (B2B2C)',
  marketplace: 'Marketplace or platform',
};
const STAGE_LABELS: Record<(typeof GROWTH_STAGES)[number], string> = {
  early: 'Early: finding repeatable growth',
  scaling: 'Scaling: growing steadily',
  'rapid-growth': 'Rapid growth',
  mature: 'Mature',
};

type SelectField = 'industry' | 'revenueBand' | 'teamSize' | 'businessModel' | 'growthStage';
type BoolField =
  'regulated' | 'hasPhysicalProducts' | 'subscriptionModel' | 'channelSales' | 'headcountGrowthOver50';

interface FormState {
  companyName: string;
  industry: string;
  revenueBand: string;
  teamSize: string;
  businessModel: string;
  growthStage: string;
  regulated: boolean;
  hasPhysicalProducts: boolean;
  subscriptionModel: boolean;
  channelSales: boolean;
  headcountGrowthOver50: boolean;
  challenges: string;
  objectives: string;
}

const FRIENDLY: Record<string, string> = {
  companyName: 'Enter your company name (up to 200 characters).',
  industry: 'Choose your industry.',
  revenueBand: 'Choose your annual revenue.',
  teamSize: 'Choose your team size.',
  businessModel: 'Choose your business model.',
  growthStage: 'Choose your growth stage.',
  challenges: 'Keep this under 4,000 characters.',
  objectives: 'Keep this under 4,000 characters.',
};

function toForm(p: ProfileView | null | undefined): FormState {
  return {
    companyName: p?.companyName ?? '',
    industry: p?.industry ?? '',
    revenueBand: p?.revenueBand ?? '',
    teamSize: p?.teamSize ?? '',
    businessModel: p?.businessModel ?? '',
    growthStage: p?.growthStage ?? '',
    regulated: p?.regulated ?? false,
    hasPhysicalProducts: p?.hasPhysicalProducts ?? false,
    subscriptionModel: p?.subscriptionModel ?? false,
    channelSales: p?.channelSales ?? false,
    headcountGrowthOver50: p?.headcountGrowthOver50 ?? false,
    challenges: p?.challenges ?? '',
    objectives: p?.objectives ?? '',
  };
}

function options<K extends string>(labels: Record<K, string>) {
  return [
    { value: '', label: 'Choose…', disabled: true },
    ...(Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label })),
  ];
}

function ProfileForm({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const [form, setForm] = useState<FormState>(() => toForm(me.profile));
  const checkProfile = (values: FormState) => {
    const parsed = profileSchema.safeParse(values);
    const errors: Record<string, string> = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        if (!(key in errors)) errors[key] = FRIENDLY[key] ?? issue.message;
      }
    return errors;
  };
  const { errors: fieldErrors, show: setFieldErrors, recheck, formRef } = useFieldErrors(checkProfile);
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: (profile: CompanyProfile) =>
      apiFetch<{ profile: ProfileView }>('/api/me/profile', { method: 'PUT', body: profile }),
    onSuccess: ({ profile }) => {
      queryClient.setQueryData<Me | null>(queryKeys.me, (old) => (old ? { ...old, profile } : old));
      // The profile decides which conditional questions apply: refetch the questionnaire and progress.
      void queryClient.invalidateQueries({ queryKey: queryKeys.questionnaire });
      void queryClient.invalidateQueries({ queryKey: ['assessment'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.assessments });
      setSaved(true);
      if (next) navigate(safeNext(next));
    },
    onError: (err) => setFieldErrors(errorFields(err)),
  });

  const change = (key: keyof FormState, value: string | boolean) => {
    const nextForm = { ...form, [key]: value };
    setForm(nextForm);
    recheck(key, nextForm);
    setSaved(false);
  };
  const setSelect = (key: SelectField) => (e: React.ChangeEvent<HTMLSelectElement>) =>
    change(key, e.currentTarget.value);
  const setBool = (key: BoolField) => (e: React.ChangeEvent<HTMLInputElement>) =>
    change(key, e.currentTarget.checked);
  const setText =
    (key: 'companyName' | 'challenges' | 'objectives') =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      change(key, e.currentTarget.value);

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = profileSchema.safeParse(form);
    if (!parsed.success) {
      setFieldErrors(checkProfile(form));
      return;
    }
    setFieldErrors({});
    save.mutate(parsed.data);
  };

  const errorCount = Object.keys(fieldErrors).length;

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby="profile-intro" ref={formRef}>
      <Stack gap="lg">
        {errorCount > 0 && (
          <Alert color="red" role="alert" title="Please check the form">
            {errorCount === 1 ? 'One field needs' : `${errorCount} fields need`} your attention.
          </Alert>
        )}
        {save.error && (
          <Alert color="red" role="alert" title="Your profile was not saved">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Card withBorder padding="lg" radius="md">
          <Title order={2} size="h3" mb="md">
            Company
          </Title>
          <Stack gap="md">
            <TextInput
              label="Company name"
              required
              autoComplete="organization"
              value={form.companyName}
              onChange={setText('companyName')}
              error={fieldErrors.companyName}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NativeSelect
                label="Industry"
                required
                data={options(INDUSTRY_LABELS)}
                value={form.industry}
                onChange={setSelect('industry')}
                error={fieldErrors.industry}
              />
              <NativeSelect
                label="Annual revenue"
                required
                data={options(REVENUE_LABELS)}
                value={form.revenueBand}
                onChange={setSelect('revenueBand')}
                error={fieldErrors.revenueBand}
              />
              <NativeSelect
                label="Team size"
                required
                data={options(TEAM_LABELS)}
                value={form.teamSize}
                onChange={setSelect('teamSize')}
                error={fieldErrors.teamSize}
              />
              <NativeSelect
                label="Business model"
                required
                data={options(MODEL_LABELS)}
                value={form.businessModel}
                onChange={setSelect('businessModel')}
                error={fieldErrors.businessModel}
              />
              <NativeSelect
                label="Growth stage"
                required
                data={options(STAGE_LABELS)}
                value={form.growthStage}
                onChange={setSelect('growthStage')}
                error={fieldErrors.growthStage}
              />
            </SimpleGrid>
          </Stack>
        </Card>

        <Card withBorder padding="lg" radius="md" component="fieldset" style={{ minWidth: 0, margin: 0 }}>
          <Title order={2} size="h3" mb="xs" component="legend" style={{ padding: 0 }}>
            About how you operate
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            These switch on questions that only apply to some companies. Tick all that are true.
          </Text>
          <Stack gap="md">
            <Checkbox
              label="We operate in a regulated industry"
              description="For example financial services, healthcare or energy (these count as regulated anyway)."
              checked={form.regulated}
              onChange={setBool('regulated')}
            />
            <Checkbox
              label="We sell physical products"
              description="Adds the supply chain questions: suppliers, inventory, logistics."
              checked={form.hasPhysicalProducts}
              onChange={setBool('hasPhysicalProducts')}
            />
            <Checkbox
              label="We sell subscriptions or recurring contracts"
              checked={form.subscriptionModel}
              onChange={setBool('subscriptionModel')}
            />
            <Checkbox
              label="We sell through channel partners or resellers"
              checked={form.channelSales}
              onChange={setBool('channelSales')}
            />
            <Checkbox
              label="Our headcount grew by more than 50% in the last year"
              checked={form.headcountGrowthOver50}
              onChange={setBool('headcountGrowthOver50')}
            />
          </Stack>
        </Card>

        <Card withBorder padding="lg" radius="md">
          <Title order={2} size="h3" mb="md">
            Your situation
          </Title>
          <Stack gap="md">
            <Textarea
              label="Main challenges"
              description="What is holding growth back today? (optional)"
              autosize
              minRows={3}
              maxLength={4000}
              value={form.challenges}
              onChange={setText('challenges')}
              error={fieldErrors.challenges}
            />
            <Textarea
              label="Objectives"
              description="What do you want to achieve in the next 12 to 24 months? (optional)"
              autosize
              minRows={3}
              maxLength={4000}
              value={form.objectives}
              onChange={setText('objectives')}
              error={fieldErrors.objectives}
            />
          </Stack>
        </Card>

        <Group gap="md">
          <Button type="submit" loading={save.isPending}>
            {next ? 'Save and continue' : 'Save profile'}
          </Button>
          <div role="status">
            {saved && !save.isPending && (
              <Text c="green.9" fw={600}>
                Profile saved. The questionnaire now shows the questions that apply to you.
              </Text>
            )}
          </div>
        </Group>
      </Stack>
    </form>
  );
}

export function ProfilePage() {
  const me = useMe({ enabled: true });
  const [params] = useSearchParams();
  return (
    <Stack gap="md" maw={860}>
      <PageHeading mb={0}>Company profile</PageHeading>
      {params.get('welcome') === '1' && (
        <Alert color="green" title="Welcome to ScaleMap">
          Your account is ready. Tell us about your company first; then start your assessment from the
          dashboard.
        </Alert>
      )}
      <Text id="profile-intro">
        Your profile decides which questions you will be asked, and gives the analysts context. You can change
        it until you submit.
      </Text>
      {me.data ? <ProfileForm me={me.data} /> : <PageLoader />}
      {me.data && <YourData email={me.data.user.email} />}
    </Stack>
  );
}
