// How the client starts the language server process: kept apart (no editor API) so that the
// benchmark measures the server as the editor runs it.

/** A small young generation keeps the resident server lean (the figures are in docs/benchmarks.md). */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1'];

/**
 * One malloc arena: V8 compiles hot functions on background threads, and glibc gives each thread
 * an arena of its own that it seldom hands back to the system (about 7 MB of a server's resident
 * memory after 100 reports). The server does its work on one thread, so nothing waits on the lock.
 * Other C libraries ignore the variable.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };
