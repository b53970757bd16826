import { css } from 'lit';
import { baseStyles } from '../app/styles.ts';

export const sheetGridStyles = [
  baseStyles,
  css`
    :host { display: flex; flex-direction: column; gap: 0.4rem; flex: 1; min-height: 0; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; padding-top: 0.4rem; }
    .toolbar button { background: white; color: #154273; padding: 0.3rem 0.75rem; }
    .toolbar button:hover { background: #e8eef5; }
    .toolbar .toggle { margin-left: auto; }
    .toolbar .toggle[aria-pressed='true'] { background: #154273; color: white; }
    .readonly { font-weight: 600; color: #5c3d00; }
    .body { position: relative; }
    .messages { position: absolute; top: 3rem; left: 1rem; z-index: 20; max-width: min(42rem, 90%); pointer-events: none; }
    .message { margin: 0; padding: 0.5rem 0.75rem; border-radius: 4px; white-space: pre-line; box-shadow: 0 4px 14px rgb(0 0 0 / 0.25); pointer-events: auto; display: flex; gap: 0.75rem; align-items: flex-start; }
    .message .close { background: none; border: none; color: inherit; font-size: 1.3rem; line-height: 1; padding: 0 0.2rem; margin-left: auto; }
    .message.error { background: #fde8e8; color: #8a1c1c; border: 1px solid #d52b1e; font-weight: 600; }
    .message.info { background: #e8f1fb; color: #154273; border: 1px solid #154273; }
    .body { flex: 1; min-height: 340px; display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.75rem; }
    .body.with-detail { grid-template-columns: minmax(0, 1fr) minmax(16rem, 24rem); }
    .grid { min-height: 0; height: 100%; }
    .detail { background: white; border: 1px solid #c9d3de; border-radius: 6px; padding: 0.75rem 1rem; overflow: auto; min-height: 0; }
    .detail h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
    .detail h3 { font-size: 0.95rem; margin: 0.75rem 0 0.2rem; color: #1b1b1b; }
    .detail p { margin: 0; white-space: pre-line; line-height: 1.45; }
    .detail .empty { color: #4a4a4a; font-style: italic; }
    button.link { background: none; border: none; color: #154273; text-decoration: underline; padding: 0.2rem 0; margin-top: 0.3rem; }
    dialog { border: 2px solid #154273; border-radius: 6px; padding: 1.25rem; max-width: 32rem; }
    dialog::backdrop { background: rgb(0 0 0 / 0.4); }
    dialog h2 { font-size: 1.2rem; }
    dialog .actions { display: flex; gap: 0.5rem; justify-content: flex-end; }
    button.danger { background: #8a1c1c; border-color: #8a1c1c; }
    .cell-amount { font-variant-numeric: tabular-nums; }
    .cell-violation { background: #fde8e8 !important; color: #8a1c1c; font-weight: 700; }
    .violation-sign { color: #8a1c1c; }
    .cell-total { font-weight: 700; background: #eef2f7; }
    .ag-row-pinned { font-size: 0.95em; }
    @media (max-width: 1100px) {
      .body.with-detail { grid-template-columns: minmax(0, 1fr); grid-template-rows: minmax(300px, 1fr) auto; }
      .detail { max-height: 14rem; }
    }
  `,
];
