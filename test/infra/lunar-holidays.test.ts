import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LUNAR_HOLIDAYS } from '#lib/domain/calendar/lunar-holidays.generated';
import { tsxLoader } from '#infra/local/processes';

/**
 * The generated table the calendar bundles stays what its generator computes. It runs the generator in a
 * process of its own in China Standard Time, whatever the host's zone: so it runs once, here, not in each
 * time zone of the unit projects.
 */
describe('the lunar holiday table', () => {
  it('is what chinese-days computes in China Standard Time (regenerate with infra/tools/generate-lunar-holidays.ts)', () => {
    const script = `const { lunarHolidayRows } = await import(${JSON.stringify(new URL('../../infra/tools/generate-lunar-holidays.ts', import.meta.url).href)}); process.stdout.write(JSON.stringify(lunarHolidayRows()));`;
    const output = execFileSync(
      process.execPath,
      ['--import', tsxLoader(), '--input-type=module', '-e', script],
      {
        env: { ...process.env, TZ: 'Asia/Shanghai' },
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(output)).toEqual(LUNAR_HOLIDAYS.map((row) => [...row]));
  });
});
