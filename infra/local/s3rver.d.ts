// s3rver ships no types; this is the part of its API the local cloud uses.
declare module 's3rver' {
  import type { Server } from 'node:http';

  export default class S3rver {
    constructor(options: {
      address?: string;
      port?: number;
      silent?: boolean;
      directory?: string;
      resetOnClose?: boolean;
      configureBuckets?: { name: string }[];
    });
    run(): Promise<{ address: string; port: number }>;
    /** The Node HTTP server, once `run()` has resolved. */
    httpServer: Server;
    close(): Promise<void>;
  }
}
