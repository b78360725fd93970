import { Logger } from '@aws-lambda-powertools/logger';
import { SERVICE_NAME } from '#lib/platform/metrics';

/**
 * One structured JSON logger per function (Powertools). Request id and route are appended per request;
 * bodies, identity numbers and phone numbers are never logged.
 */
export const logger = new Logger({ serviceName: SERVICE_NAME });
