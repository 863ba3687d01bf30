// Which `requires` entries (django, drf>=3.15, cpython…) this machine can satisfy, checked once per name.
import type { CodeRunner } from '../engine/ports/code-runner.js';

/** requirement -> [import name, distribution name, display name] */
const KNOWN: Record<string, [string, string, string]> = {
  django: ['django', 'Django', 'Django'],
  drf: ['rest_framework', 'djangorestframework', 'DRF'],
  fastapi: ['fastapi', 'fastapi', 'FastAPI'],
  pydantic: ['pydantic', 'pydantic', 'pydantic'],
  httpx: ['httpx', 'httpx', 'httpx'],
  celery: ['celery', 'celery', 'Celery'],
  jwt: ['jwt', 'PyJWT', 'PyJWT'],
  pytest: ['pytest', 'pytest', 'pytest'],
};

export interface Requirement {
  name: string;
  min: string | null;
}

export const parseRequirement = (text: string): Requirement => {
  const m = /^\s*([a-z0-9_-]+)\s*(?:>=\s*([0-9][0-9.]*))?\s*$/i.exec(text);
  return m
    ? { name: m[1]!.toLowerCase(), min: m[2] ?? null }
    : { name: text.trim().toLowerCase(), min: null };
};

const compareVersions = (a: string, b: string): number => {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

const PROBE = (mods: Array<[string, string, string]>) => `
import importlib, json
out = {}
for key, mod, dist in ${JSON.stringify(mods)}:
    try:
        m = importlib.import_module(mod)
    except Exception:
        out[key] = None
        continue
    v = None
    try:
        from importlib.metadata import version
        v = version(dist)
    except Exception:
        v = str(getattr(m, '__version__', '') or '0')
    out[key] = v
print(json.dumps(out))
`;

/** Checks requirements against one runner; `why(reqs)` gives the skip reason or null. */
export class RequirementChecker {
  private versions: Promise<Record<string, string | null>> | null = null;
  private readonly wanted = new Set<string>();

  constructor(private readonly runner: CodeRunner) {}

  /** Resolves every name in `all` with a single Python run. */
  async prepare(all: Iterable<string>): Promise<void> {
    for (const r of all) {
      const { name } = parseRequirement(r);
      if (KNOWN[name]) this.wanted.add(name);
    }
    const mods = [...this.wanted].map((k): [string, string, string] => [k, KNOWN[k]![0], KNOWN[k]![1]]);
    this.versions = mods.length
      ? this.runner.run({ code: PROBE(mods), timeoutMs: 30_000 }).then((r) => {
          try {
            return JSON.parse(r.stdout) as Record<string, string | null>;
          } catch {
            return {};
          }
        })
      : Promise.resolve({});
    await this.versions;
  }

  async why(reqs: string[]): Promise<string | null> {
    const versions = (await this.versions) ?? {};
    for (const text of reqs) {
      const { name, min } = parseRequirement(text);
      if (name === 'cpython') {
        if (this.runner.backend !== 'cpython') return 'needs CPython (threads, processes or asyncio.run)';
        continue;
      }
      const known = KNOWN[name];
      if (!known) return `unknown requirement: ${text}`;
      const have = versions[name];
      if (have == null) return `needs ${known[2]} (not installed for ${this.runner.backend})`;
      if (min && compareVersions(have, min) < 0) return `needs ${known[2]} ≥ ${min} (have ${have})`;
    }
    return null;
  }
}
