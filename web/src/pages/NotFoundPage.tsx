import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { PageHeading } from '../components/PageHeading';

export function NotFoundPage() {
  return (
    <Stack gap="sm">
      <PageHeading>Page not found</PageHeading>
      <Text>There is no page at this address. It may have moved, or the link may be mistyped.</Text>
      <Anchor component={Link} to="/">
        Go to the ScaleMap home page
      </Anchor>
    </Stack>
  );
}
