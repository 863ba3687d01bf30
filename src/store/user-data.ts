// Users, study notes and settings: small keyed records with upsert semantics.
import type { Kysely } from 'kysely';
import type { NoteRecord } from '../engine/ports/repository.js';
import { fromJson, rowToNote, toJson, toMs } from './rows.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export async function ensureUser(db: Db, userId: string, name?: string): Promise<void> {
  await db.transaction().execute((trx) =>
    trx
      .insertInto('users')
      .values({ id: userId, name: name ?? null, created_at: Date.now() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute(),
  );
}

export async function getNote(db: Db, userId: string, topicId: string): Promise<NoteRecord | undefined> {
  const row = await db
    .selectFrom('notes')
    .selectAll()
    .where('user_id', '=', userId)
    .where('topic_id', '=', topicId)
    .executeTakeFirst();
  return row ? rowToNote(row) : undefined;
}

export async function saveNote(db: Db, note: NoteRecord): Promise<void> {
  const row = {
    user_id: note.userId,
    topic_id: note.topicId,
    body: note.body,
    updated_at: toMs(note.updatedAt, 'updatedAt'),
  };
  await db.transaction().execute((trx) =>
    trx
      .insertInto('notes')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['user_id', 'topic_id']).doUpdateSet({ body: row.body, updated_at: row.updated_at }),
      )
      .execute(),
  );
}

export async function listNotes(db: Db, userId: string): Promise<NoteRecord[]> {
  const rows = await db
    .selectFrom('notes')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('topic_id')
    .execute();
  return rows.map(rowToNote);
}

export async function deleteNote(db: Db, userId: string, topicId: string): Promise<void> {
  await db
    .transaction()
    .execute((trx) =>
      trx.deleteFrom('notes').where('user_id', '=', userId).where('topic_id', '=', topicId).execute(),
    );
}

export async function getSetting(db: Db, userId: string, key: string): Promise<unknown> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? fromJson(row.value) : undefined;
}

export async function setSetting(db: Db, userId: string, key: string, value: unknown): Promise<void> {
  const text = toJson(value ?? null, `setting ${key}`) ?? 'null';
  await db.transaction().execute((trx) =>
    trx
      .insertInto('settings')
      .values({ user_id: userId, key, value: text })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doUpdateSet({ value: text }))
      .execute(),
  );
}

export async function deleteSetting(db: Db, userId: string, key: string): Promise<void> {
  await db
    .transaction()
    .execute((trx) =>
      trx.deleteFrom('settings').where('user_id', '=', userId).where('key', '=', key).execute(),
    );
}

export async function allSettings(db: Db, userId: string): Promise<Record<string, unknown>> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('user_id', '=', userId)
    .orderBy('key')
    .execute();
  // fromEntries defines own properties, so a key such as "__proto__" stays plain data.
  return Object.fromEntries(rows.map((r) => [r.key, fromJson(r.value)]));
}
