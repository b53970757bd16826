// How long the event loop goes without a turn: the time every socket and request waits.

/** Measures the longest gap between turns of the event loop until stopped. */
export function watchPauses(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    timer = setImmediate(tick);
  };
  let timer = setImmediate(tick);
  return {
    stop() {
      clearImmediate(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}
