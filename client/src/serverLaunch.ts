// How the client starts the language server process: kept apart (no editor API) so that the
// benchmark measures the server as the editor runs it.

/**
 * A small young generation keeps the resident server lean; and the old generation may grow to twice
 * what was live after its last collection, not more: while typing, each keystroke's report outlives
 * a young collection or two and dies old, and V8's own factor for a small heap let the server reach
 * 95 MB after 1,000 keystrokes (74 MB with this; a 2 MB report is checked as fast). The figures are
 * in docs/benchmarks.md.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1', '--heap-growing-percent=100'];

/**
 * One malloc arena: V8 compiles hot functions on background threads, and glibc gives each thread
 * an arena of its own that it seldom hands back to the system (about 7 MB of a server's resident
 * memory after 100 reports). The server does its work on one thread, so nothing waits on the lock.
 * Other C libraries ignore the variable.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };
