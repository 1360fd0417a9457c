import {
  DEFAULT_THEME,
  createTheme,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

/** A palette with some shades replaced. */
function withShades(base: MantineColorsTuple, shades: Record<number, string>): MantineColorsTuple {
  return base.map((c, i) => shades[i] ?? c) as unknown as MantineColorsTuple;
}

/**
 * Darker shades 8 and 9 for the status colours. Mantine draws "light" variants (badges, alerts) as shade-9 text
 * on shade 1, and filled variants as white on the primary shade (8 here); the defaults for green, yellow and
 * orange fall below WCAG AA (4.5:1) there. theme.test.ts checks every pair used.
 */
export const PALETTES = {
  green: withShades(DEFAULT_THEME.colors.green, { 8: '#237a3b', 9: '#1e6b34' }),
  yellow: withShades(DEFAULT_THEME.colors.yellow, { 8: '#8a5a00', 9: '#6b4400' }),
  orange: withShades(DEFAULT_THEME.colors.orange, { 8: '#b3460c', 9: '#8f3406' }),
  red: withShades(DEFAULT_THEME.colors.red, { 8: '#c92a2a', 9: '#a51d1d' }),
  teal: withShades(DEFAULT_THEME.colors.teal, { 8: '#0b7a5a', 9: '#085f46' }),
};

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  colors: PALETTES,
  focusRing: 'auto',
  defaultRadius: 'md',
  headings: { fontWeight: '700' },
  // Mantine's Alert is role="alert" (announced at once, interrupting) by default: static notices are notes;
  // errors and live changes say role="alert" or role="status" where they are used.
  components: { Alert: { defaultProps: { role: 'note' } } },
});

/** Dimmed text in Mantine's default (gray 6) is 3.3:1 on white; gray 7 gives 8:1. Same for error text. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Field error text: red 6 is 3.6:1 on white; red 8 (darkened in PALETTES) is 5.5:1.
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});
