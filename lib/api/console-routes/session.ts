import type { PageRouteDefinition } from '../page-routes';
import { consolePage, publicConsolePage } from './console-page';

/** Signing in and out (OpenID Connect authorization code + PKCE), and the day's queue. */
export const sessionRoutes = [
  publicConsolePage(
    'GET',
    '/console/sign-in',
    'Sign in: to the identity provider (authorization code + PKCE), then back to `return`',
  ),
  publicConsolePage(
    'GET',
    '/console/signed-in',
    'The identity provider’s redirect back: the code exchanged, the ID token verified, the session set',
  ),
  publicConsolePage(
    'POST',
    '/console/sign-out',
    'Sign out (the session cookie cleared, then the identity provider’s own session)',
  ),
  publicConsolePage('GET', '/console/signed-out', 'Signed out'),
  consolePage('GET', '/console', 'Today (待办): my queue, reviews waiting for me, reminders and breaches'),
] as const satisfies readonly PageRouteDefinition[];
