// A small semaphore for code runs: a few at once, the rest wait a bounded time in a bounded queue, then get a 503.
import { HttpError } from './errors.js';

export interface Limiter {
  run<T>(fn: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createLimiter(opts: {
  concurrency: number;
  queueTimeoutMs: number;
  maxQueue: number;
}): Limiter {
  let active = 0;
  const queue: { start: () => void; timer: NodeJS.Timeout }[] = [];
  const busy = (why: string) =>
    new HttpError(503, 'unavailable', `the code runner is busy (${why}); try again`);

  function acquire(): Promise<void> {
    if (active < opts.concurrency) {
      active++;
      return Promise.resolve();
    }
    if (queue.length >= opts.maxQueue) return Promise.reject(busy(`${queue.length} runs already waiting`));
    return new Promise((resolve, reject) => {
      const entry = {
        start: () => {
          clearTimeout(entry.timer);
          active++;
          resolve();
        },
        timer: setTimeout(() => {
          queue.splice(queue.indexOf(entry), 1);
          reject(busy(`waited ${opts.queueTimeoutMs} ms`));
        }, opts.queueTimeoutMs),
      };
      queue.push(entry);
    });
  }

  function release(): void {
    active--;
    queue.shift()?.start();
  }

  return {
    async run(fn) {
      await acquire();
      try {
        return await fn();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
