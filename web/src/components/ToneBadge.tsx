import { Badge, type BadgeProps } from '@mantine/core';
import type { Tone } from '../lib/status';

const TONE_COLORS: Record<Tone, string> = {
  neutral: 'gray',
  info: 'indigo',
  success: 'green',
  warning: 'yellow',
  danger: 'red',
};

/** A status badge: shade-9 text on shade-1 fill (AA contrast, see theme.ts); the text always carries the meaning. */
export function ToneBadge({
  tone,
  children,
  ...rest
}: { tone: Tone; children: React.ReactNode } & BadgeProps) {
  return (
    <Badge variant="light" color={TONE_COLORS[tone]} radius="sm" tt="none" {...rest}>
      {children}
    </Badge>
  );
}
