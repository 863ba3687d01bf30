// CI gate for content: every executable item passes on Debian's CPython; a skip is allowed only for a version floor.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['bin/pyprep.js', 'verify', '--python', '/usr/bin/python3', '--json'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (r.error) throw r.error;
let result;
try {
  result = JSON.parse(r.stdout);
} catch {
  process.stderr.write(`verify printed no JSON (exit ${r.status}):\n${r.stderr}\n`);
  process.exit(1);
}
const missing = result.skipped.filter((s) => /not installed/.test(s.reason));
for (const f of result.failed) console.log(`FAIL ${f.id}: ${f.reason}`);
for (const s of result.skipped)
  console.log(`${missing.includes(s) ? 'SKIP (missing package)' : 'skip'} ${s.id}: ${s.reason}`);
console.log(
  `verify: ${result.checked} checked, ${result.passed} passed, ${result.failed.length} failed, ${result.skipped.length} skipped`,
);
process.exit(result.failed.length > 0 || missing.length > 0 ? 1 : 0);
