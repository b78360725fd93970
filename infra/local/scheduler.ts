/**
 * The local stand-in for the EventBridge Scheduler schedule: fires at 00:30 China Standard Time every
 * day, passing the scheduled time as the cloud schedule does (`<aws.scheduler.scheduled-time>`).
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The first 00:30 CST strictly after `after`. */
export function nextDailyRun(after: Date, hour = 0, minute = 30): Date {
  const shifted = after.getTime() + CST_OFFSET_MS;
  const dayStart = Math.floor(shifted / DAY_MS) * DAY_MS;
  let candidate = dayStart + (hour * 60 + minute) * 60 * 1000;
  if (candidate <= shifted) candidate += DAY_MS;
  return new Date(candidate - CST_OFFSET_MS);
}

export class DailyScheduler {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly run: (input: { scheduledTime: string }) => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.arm(new Date());
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Arms the first run after `after`; each run arms the next from its own scheduled time, never twice. */
  private arm(after: Date): void {
    const next = nextDailyRun(after);
    // setTimeout holds at most ~24.8 days; a day is well inside it.
    this.timer = setTimeout(
      () => {
        this.run({ scheduledTime: next.toISOString().replace(/\.\d{3}Z$/, 'Z') }).catch(this.onError);
        this.arm(next);
      },
      Math.max(0, next.getTime() - Date.now()),
    );
    this.timer.unref();
  }
}
