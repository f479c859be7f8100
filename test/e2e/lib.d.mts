// Types of what TypeScript scripts (the benchmarks) take from lib.mjs.
import type { Browser } from 'playwright-core';
export function launchBrowser(): Promise<Browser>;
