// Preloaded by bench-speed.ts (node --require) into `node bin/gouji.js …`: reports the process's peak RSS on
// stderr when it exits, so that the command is measured exactly as a user runs it.
process.on('exit', () => process.stderr.write(`\ngouji-bench-peak-rss-kb ${process.resourceUsage().maxRSS}\n`));
