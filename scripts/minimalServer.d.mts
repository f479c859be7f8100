// Types of scripts/minimalServer.mjs, for scripts/bench.ts.
export declare const WORD: string;
export declare function buildMinimalServer(dir: string, root: string): Promise<void>;
