/**
 * A token bucket, as API Gateway throttles a route: `rateLimit` tokens per second refill a bucket of
 * `burstLimit`; a request that finds it empty gets 429.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly rateLimit: number,
    private readonly burstLimit: number,
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    this.tokens = burstLimit;
    this.updatedAt = nowMs();
  }

  take(): boolean {
    const now = this.nowMs();
    this.tokens = Math.min(this.burstLimit, this.tokens + ((now - this.updatedAt) / 1000) * this.rateLimit);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
