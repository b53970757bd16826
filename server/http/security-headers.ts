// Security headers on every response (hono/secure-headers), with a Content-Security-Policy that
// the built client satisfies (e2e/csp.test.ts loads its pages in Chromium and fails on any
// violation):
// - scripts only from the server itself: the client is one bundled module, no inline script;
// - styles also inline: index.html has a <style>, AG Grid injects <style> elements, Lit and AG Grid
//   set style attributes;
// - connections to the server and its WebSocket at the public origin (ws: or wss:);
// - images and fonts from the server and data: URLs (AG Grid's icons);
// - no plugins, no framing, forms and <base> only to the server.
// Referrer-Policy is "same-origin", not Hono's "no-referrer": under no-referrer browsers send
// "Origin: null" even on the app's own POSTs, which the cross-origin check (same-origin.ts) refuses.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export function securityHeaders(publicUrl: string): MiddlewareHandler {
  const origin = new URL(publicUrl);
  const socketOrigin = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", socketOrigin],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    // HSTS only means something over https; on http a browser ignores it.
    strictTransportSecurity: origin.protocol === 'https:' ? 'max-age=15552000' : false,
  });
}
