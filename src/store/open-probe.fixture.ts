// Test helper run as a child process (possibly as another user): opens a store and prints the outcome as JSON.
import { openStore } from './open.js';

const path = process.argv[2] ?? '';
try {
  const store = await openStore({ path });
  await store.close();
  console.log(JSON.stringify({ ok: true }));
} catch (error) {
  const e = error as { name?: string; code?: string; message?: string };
  console.log(JSON.stringify({ ok: false, name: e.name, code: e.code, message: e.message }));
}
