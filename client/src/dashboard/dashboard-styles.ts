import { css } from 'lit';
import { baseStyles } from '../app/styles.ts';

// Projector first: type grows with the screen, strong contrast, figures in tabular digits.
export const dashboardStyles = [
  baseStyles,
  css`
    :host { display: flex; flex-direction: column; gap: 1rem; font-size: clamp(1rem, 0.5rem + 0.75vw, 1.6rem); padding: 0.5rem 0 1rem; }
    h2 { font-size: 1.25em; margin-bottom: 0.5rem; }
    .source { margin: 0; color: #4a4a4a; }
    .source.warn { color: #5c3d00; background: #fff4d6; padding: 0.3rem 0.6rem; border-radius: 4px; font-weight: 600; }
    .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(10em, 1fr)); gap: 0.75rem; margin: 0; }
    .kpis div { background: white; border-radius: 6px; padding: 0.6rem 0.9rem; border-left: 6px solid #154273; }
    .kpis div.over { border-left-color: #8a1c1c; background: #fde8e8; }
    .kpis dt { font-size: 0.85em; color: #333; }
    .kpis dd { margin: 0; font-size: 1.8em; white-space: nowrap; font-weight: 700; color: #154273; font-variant-numeric: tabular-nums; }
    .kpis .over dd { color: #8a1c1c; }
    .kpis small { font-size: 0.6em; }
    .kpis dd.share { white-space: normal; }
    .columns { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; align-items: start; }
    @media (min-width: 1400px) { .columns { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); } }
    .panel { background: white; border-radius: 6px; padding: 0.9rem 1.1rem; border: 1px solid #d8dde3; min-width: 0; overflow-x: auto; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; }
    th, td { padding: 0.35em 0.5em; border-bottom: 1px solid #d8dde3; text-align: left; vertical-align: top; }
    thead th { color: #154273; border-bottom: 2px solid #154273; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tfoot th, tfoot td { font-weight: 700; border-top: 2px solid #154273; border-bottom: none; }
    tr.bad th, tr.bad td { background: #fde8e8; color: #8a1c1c; font-weight: 700; }
    .sign { color: #8a1c1c; }
    .where { display: block; font-size: 0.72em; color: #4a4a4a; font-weight: 400; }
    .note { font-size: 0.8em; color: #333; margin: 0.5rem 0 0; }
    .budget { display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; margin: 0.75rem 0 0; font-weight: 600; }
    input.amount { width: 6.5em; text-align: right; font-variant-numeric: tabular-nums; padding: 0.15em 0.4em; }
    input.amount[aria-invalid='true'] { border: 2px solid #8a1c1c; }
    .violations { margin: 0; padding-left: 0; list-style: none; }
    .violations li { background: #fde8e8; color: #8a1c1c; font-weight: 700; padding: 0.4em 0.6em; border-radius: 4px; margin-bottom: 0.4em; }
    .ok { color: #0b5a2a; font-weight: 600; margin: 0; }
  `,
];
