// Preloaded by bench-files.ts into the CLI's process: prints its peak resident memory at exit.
process.on('exit', () => process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\n`));
