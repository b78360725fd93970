import { chinaIsoOf } from '#lib/domain/china-time';

/** Port: one dependency the service needs, checked by a real read. */
export type HealthProbe = { name: 'recordsTable' | 'archiveBucket'; check: () => Promise<string> };

export type DependencyState = { status: 'up' | 'down'; latencyMs: number; detail: string };

export async function checkHealth(probes: readonly HealthProbe[], now: Date) {
  const results = await Promise.all(
    probes.map(async (probe): Promise<[string, DependencyState]> => {
      const started = performance.now();
      try {
        const detail = await probe.check();
        return [probe.name, { status: 'up', latencyMs: elapsed(started), detail }];
      } catch (error) {
        const detail = error instanceof Error ? error.name : 'unknown error';
        return [probe.name, { status: 'down', latencyMs: elapsed(started), detail }];
      }
    }),
  );
  const dependencies = Object.fromEntries(results);
  const allUp = results.every(([, state]) => state.status === 'up');
  return {
    status: allUp ? ('ok' as const) : ('degraded' as const),
    checkedAt: chinaIsoOf(now),
    dependencies,
  };
}

const elapsed = (started: number): number => Math.round((performance.now() - started) * 10) / 10;
