// Test helper run as a child process: records reviews into a SQLite file and prints each committed one.
import { openStore } from './open.js';
import { card as makeCard, log as makeLog } from './test-fixtures.js';

const [path, tag, countArg] = process.argv.slice(2);
if (!path || !tag) {
  console.error('usage: review-writer.fixture.ts DB_PATH TAG [COUNT]');
  process.exit(2);
}
const count = Number(countArg ?? 0);

try {
  const store = await openStore({ path });
  // appendAnswer reads before it writes: the pattern a deferred BEGIN turns into SQLITE_BUSY.
  const session = await store.createSession({
    id: `writer-${tag}`,
    userId: 'local',
    kind: 'review',
    startedAt: new Date(0),
    config: null,
  });
  for (let i = 0; count === 0 || i < count; i++) {
    // Half the writes hit cards the other writer also updates, so the two contend for the same rows.
    const questionId = i % 2 === 0 ? `shared-${i % 5}` : `${tag}-${i % 7}`;
    await store.recordReview(
      makeCard({ questionId, reps: i }),
      makeLog({ answer: `${tag}-${i}`, review: new Date(Date.UTC(2025, 0, 1) + i * 1000) }),
    );
    await store.appendAnswer('local', session.id, {
      questionId,
      answeredAt: new Date(i),
      answer: `${tag}-${i}`,
    });
    // Printed only after the commit returned: every line is an acknowledged, durable write.
    process.stdout.write(`${tag}-${i}\n`);
  }
  await store.close();
} catch (error) {
  const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
  console.error(`ERROR ${code} ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
