import type { JobQueue } from './queue';

/**
 * For an app built without a queue (benchmark servers, tools, tests about something else): sending a job is a
 * programming error there, said at once instead of a job that silently never runs.
 */
export function noJobQueue(): JobQueue {
  const refuse = async (): Promise<never> => {
    throw new Error('This app was built without a job queue: pass `jobs` (openJobQueue) to buildApp to send or work jobs');
  };
  return { kind: 'pglite', start: async () => {}, stop: async () => {}, send: refuse, work: refuse, cancel: refuse };
}
