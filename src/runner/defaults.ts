// Limits used when a request leaves them out.
export const RUN_DEFAULTS = { timeoutMs: 5000, memoryMb: 512, outputLimitBytes: 64 * 1024 } as const;
