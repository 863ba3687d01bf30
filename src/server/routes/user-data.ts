// The user's own data: notes per topic, settings, and the whole-state backup.
import { z } from 'zod';
import { settingsPatchSchema } from '../../app/settings.js';
import { invoke } from '../../app/use-cases/index.js';
import type { ServerDeps } from '../deps.js';
import { route } from '../route.js';

const topicParam = z.object({ topic: z.string().min(1).max(200) });
export const BACKUP_LIMIT = 32 * 1024 * 1024;

export function userDataRoutes({ ctx }: ServerDeps) {
  return [
    route({
      method: 'GET',
      url: '/api/notes/:topic',
      tag: 'notes',
      summary: "The user's note on a topic ('' when none)",
      params: topicParam,
      resultName: '{topic, body, updatedAt}',
      handler: ({ params }) => invoke(ctx, 'notes/get', { topic: params.topic }),
    }),
    route({
      method: 'PUT',
      url: '/api/notes/:topic',
      tag: 'notes',
      summary: "Saves the user's note on a topic (an empty body deletes it)",
      params: topicParam,
      body: z.strictObject({ body: z.string().max(100_000) }),
      resultName: '{topic, body, updatedAt}',
      handler: ({ params, body }) => invoke(ctx, 'notes/save', { topic: params.topic, body: body.body }),
    }),
    route({
      method: 'GET',
      url: '/api/settings',
      tag: 'settings',
      summary: 'The settings, defaults filled in',
      resultName: 'Settings',
      handler: () => invoke(ctx, 'settings/get'),
    }),
    route({
      method: 'PATCH',
      url: '/api/settings',
      tag: 'settings',
      summary: 'Changes some settings; returns them all',
      body: settingsPatchSchema,
      resultName: 'Settings',
      handler: ({ body }) => invoke(ctx, 'settings/update', body),
    }),
    route({
      method: 'GET',
      url: '/api/backup',
      tag: 'backup',
      summary: "The user's whole state as one JSON document",
      resultName: 'ExportBundle',
      handler: async (_input, _req, reply) => {
        reply.header('content-disposition', 'attachment; filename="pyprep-backup.json"');
        return invoke(ctx, 'backup/export');
      },
    }),
    route({
      method: 'POST',
      url: '/api/backup',
      tag: 'backup',
      summary: 'Restores a backup (all or nothing)',
      body: z.looseObject({}).describe('an ExportBundle as GET /api/backup returns it'),
      bodyLimit: BACKUP_LIMIT,
      resultName: 'ImportCounts',
      handler: ({ body }) => invoke(ctx, 'backup/import', body),
    }),
  ];
}
