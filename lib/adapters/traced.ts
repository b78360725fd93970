import type { Tracer } from '@aws-lambda-powertools/tracer';
import { SERVICE_NAME } from '#lib/platform/metrics';

/**
 * X-Ray (Powertools Tracer): every call of a traced client is a subsegment of the invocation's trace
 * (Lambda's active tracing makes the segment). Only SDK clients are traced, not every outgoing HTTP
 * request: no global patching. Where tracing is off (`POWERTOOLS_TRACE_ENABLED=false`: the China
 * Regions, which offer no X-Ray integration with Lambda) the tracer is not even loaded, so the cold start
 * does not pay for the X-Ray SDK; outside Lambda (tests, the local cloud) it loads and stays off. Clients
 * used only at cold start stay untraced: there is no invocation to hang their calls on.
 */
const tracer: Tracer | undefined =
  process.env.POWERTOOLS_TRACE_ENABLED === 'false'
    ? undefined
    : new (await import('@aws-lambda-powertools/tracer')).Tracer({
        serviceName: SERVICE_NAME,
        captureHTTPsRequests: false,
      });

/** The client, its calls appearing in the invocation's trace (unchanged where tracing is off). */
export const traced = <Client>(client: Client): Client =>
  tracer === undefined ? client : tracer.captureAWSv3Client(client);
