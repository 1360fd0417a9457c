import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { PageHeading } from '../components/PageHeading';

export function ForbiddenPage() {
  return (
    <Stack gap="sm">
      <PageHeading>You do not have access to this page</PageHeading>
      <Text>This page is for ScaleMap&apos;s founders only (error 403).</Text>
      <Anchor component={Link} to="/dashboard">
        Go to your dashboard
      </Anchor>
    </Stack>
  );
}
