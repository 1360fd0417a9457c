import { Title, type TitleProps } from '@mantine/core';
import { useEffect, useRef } from 'react';

let firstPage = true;

/**
 * The page's h1. It sets document.title and, after an in-app navigation (not on the first load), takes focus
 * so that keyboard and screen-reader users start at the new page's heading.
 */
export function PageHeading({
  children,
  title,
  ...rest
}: { children: React.ReactNode; title?: string } & TitleProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const text = title ?? (typeof children === 'string' ? children : undefined);
  useEffect(() => {
    if (text) document.title = `${text} · ScaleMap`;
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [text]);
  return (
    <Title order={1} ref={ref} tabIndex={-1} mb="md" {...rest}>
      {children}
    </Title>
  );
}
