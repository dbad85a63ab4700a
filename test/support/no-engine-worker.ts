// Jest stand-in for src/taskpane/engine-worker-client.ts: node has no Web Worker (and jest's CommonJS no
// import.meta), so the pane's check runs the engine on the page, as it does where a worker cannot start.
export function startEngineWorker(): undefined {
  return undefined;
}
