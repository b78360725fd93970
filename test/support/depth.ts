/**
 * How hard the exhaustive checks work in this run. The unit tests run under three host time zones: in the
 * first (UTC) the sweeps over thousands of dates and the random scenarios run in full; in the other two,
 * where what is under test is that no result depends on the zone, every test still runs, on a sample.
 */
export const exhaustive = process.env.GONGKAI_TEST_DEPTH !== 'sample';

/** `full` runs of a property in the full run, a fifth of them (at least 3) on a sample. */
export const runs = (full: number): number => (exhaustive ? full : Math.max(3, Math.ceil(full / 5)));
