import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured JSON logger per function (Powertools). Request id and route are appended per request;
 * bodies, identity numbers and phone numbers are never logged.
 */
export const logger = new Logger({ serviceName: 'gongkai' });
