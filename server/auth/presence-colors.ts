// Presence colours of members: twelve hues that stay apart from each other and are readable on white
// (WCAG AA contrast for text, at least 4.5:1), so a name label or a cell cursor in the colour works.
export const PRESENCE_COLORS = [
  '#1f6fd1', '#b3261e', '#0b7a3b', '#8e24aa', '#b45309', '#00796b',
  '#c2185b', '#3949ab', '#5d4037', '#6b6b00', '#37474f', '#006d9c',
] as const;

/** The colour of the board's n-th member (0-based); the first twelve members all differ. */
export const presenceColor = (membersBefore: number): string =>
  PRESENCE_COLORS[Math.abs(Math.trunc(membersBefore)) % PRESENCE_COLORS.length]!;
