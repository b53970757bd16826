import { describe, expect, it } from 'vitest';
import { PRESENCE_COLORS, presenceColor } from './presence-colors.ts';

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
function contrastOnWhite(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe('presence colours', () => {
  it('are twelve "#rrggbb" colours readable on white (WCAG AA, 4.5:1)', () => {
    expect(PRESENCE_COLORS).toHaveLength(12);
    for (const color of PRESENCE_COLORS) {
      expect(color).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastOnWhite(color), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('stay apart from each other', () => {
    for (const a of PRESENCE_COLORS) {
      for (const b of PRESENCE_COLORS) {
        if (a !== b) expect(Math.hypot(...channels(a).map((v, i) => v - channels(b)[i]!)), `${a} ${b}`).toBeGreaterThan(40);
      }
    }
  });

  it('give the first twelve members of a board twelve different colours, then repeat', () => {
    const first = Array.from({ length: 12 }, (_, n) => presenceColor(n));
    expect(new Set(first).size).toBe(12);
    expect(presenceColor(12)).toBe(presenceColor(0));
  });
});
