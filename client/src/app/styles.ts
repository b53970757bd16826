import { css } from 'lit';

/** Shared look: Rijkshuisstijl-like blue, large readable type, visible focus. */
export const baseStyles = css`
  :host { color: #1b1b1b; }
  h1, h2, h3 { color: #154273; margin: 0 0 0.75rem; }
  button, input, select { font: inherit; }
  button { padding: 0.4rem 0.9rem; border: 1px solid #154273; border-radius: 4px; background: #154273; color: white; cursor: pointer; }
  button.secondary { background: white; color: #154273; }
  button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible, [tabindex]:focus-visible { outline: 3px solid #ffb612; outline-offset: 2px; }
  input { padding: 0.4rem 0.6rem; border: 1px solid #5c5c5c; border-radius: 4px; }
  label { font-weight: 600; }
  .error { color: #8a1c1c; font-weight: 600; }
  a { color: #154273; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
