import * as z from 'zod';
import { StaffId } from '#lib/domain/staff';
import type { PageRouteDefinition } from '../page-routes';
import { consolePage } from './console-page';

const StaffPage = z.object({ staffId: StaffId });

/**
 * Administration (agency_admin): the office's public details and the guide's own sections, the time
 * policy, the review chain, the disclosure catalogue, and the staff accounts — all of the signed-in
 * administrator's own agency (never named in the path).
 */
export const adminRoutes = [
  consolePage('GET', '/console/admin', 'Administration: the office, its policy, chain, catalogue and staff'),
  consolePage(
    'GET',
    '/console/admin/profile',
    'The disclosure office’s public details and the guide’s own sections',
  ),
  consolePage('POST', '/console/admin/profile', 'Save the office’s details (version-checked)'),
  consolePage(
    'GET',
    '/console/admin/policy',
    'The time policy in force, those scheduled, and a form to set one',
  ),
  consolePage('POST', '/console/admin/policy', 'Set a time policy from a date on (version-checked)'),
  consolePage('GET', '/console/admin/review-chain', 'The review chain’s steps, and its editor'),
  consolePage('POST', '/console/admin/review-chain', 'Configure the review chain (version-checked)'),
  consolePage('GET', '/console/admin/catalogue', 'The disclosure catalogue’s categories, and its editor'),
  consolePage('POST', '/console/admin/catalogue', 'Replace the disclosure catalogue (version-checked)'),
  consolePage('GET', '/console/admin/staff', 'The agency’s staff accounts, and the invitation form'),
  consolePage(
    'POST',
    '/console/admin/staff',
    'Invite a member of staff: the account is created in the directory',
  ),
  consolePage(
    'GET',
    '/console/admin/staff/{staffId}',
    'A staff account: its roles, and whether it may sign in',
    StaffPage,
  ),
  consolePage(
    'POST',
    '/console/admin/staff/{staffId}/roles',
    'Change an account’s roles (version-checked)',
    StaffPage,
  ),
  consolePage(
    'GET',
    '/console/admin/staff/{staffId}/access',
    'Confirm disabling (or enabling) an account',
    StaffPage,
  ),
  consolePage(
    'POST',
    '/console/admin/staff/{staffId}/access',
    'Disable or enable an account (version-checked): a disabled account stops at its next click',
    StaffPage,
  ),
] as const satisfies readonly PageRouteDefinition[];
