// Preloaded into the built CLI (`node --import`) by a test that exhausts the client's retry budget:
// every timer runs this many times sooner, so about a minute of backoff takes a couple of seconds.
// The bundle is untouched: what is tested is what happens after the retries, never how long they take.
const SOONER = 30

const setTimer = globalThis.setTimeout
globalThis.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
  setTimer(callback, Math.round((ms ?? 0) / SOONER), ...args)) as typeof setTimeout
