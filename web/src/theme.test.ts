import { DEFAULT_THEME } from '@mantine/core';
import { PALETTES } from './theme';

function luminance(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const colors = { ...DEFAULT_THEME.colors, ...PALETTES };

describe('theme contrast (WCAG AA, 4.5:1 for text)', () => {
  it.each(['gray', 'indigo', 'green', 'yellow', 'red'])(
    '%s badges and alerts: shade-9 text on shade 1',
    (name) => {
      const palette = colors[name as keyof typeof colors];
      expect(contrast(palette[9], palette[1])).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each(['indigo', 'green', 'red'])('%s filled buttons: white on shade 8', (name) => {
    expect(contrast('#ffffff', colors[name as keyof typeof colors][8])).toBeGreaterThanOrEqual(4.5);
  });

  it('dimmed text (gray 7) and status texts (green/red 9) on white and on the page background', () => {
    for (const fg of [colors.gray[7], colors.green[9], colors.red[9], colors.indigo[9]]) {
      expect(contrast(fg, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(contrast(fg, colors.gray[0])).toBeGreaterThanOrEqual(4.5);
    }
  });
});
