// The "fix all safe" threshold, as the pane shows it (src/core/fix/safe.ts decides; this mirrors its constant
// without pulling the engine into the initial bundle — test/taskpane/display.test.ts checks they agree).
export const SAFE_CONFIDENCE = 0.75;
