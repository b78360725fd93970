import * as z from 'zod';
import { AgencyId } from '#lib/domain/agency';
import { NewStaff, StaffId, StaffUpdate } from '#lib/domain/staff';
import { alreadyExists, dependencyUnavailable, notFound, rule, versionConflict } from '../problems';
import { type RouteDefinition } from '../route-definition';
import { AgencyPath, PageQuery } from './shared';

export const StaffPath = z.object({ agencyId: AgencyId, staffId: StaffId });

/** The staff function’s routes: staff accounts and their roles. */
export const staffRoutes = [
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/staff',
    function: 'staff',
    access: 'staff',
    roles: ['agency_admin', 'platform_admin'],
    summary: 'Create a staff account with its roles',
    params: AgencyPath,
    body: NewStaff,
    problems: [
      notFound,
      alreadyExists,
      rule('roles-do-not-fit-account'),
      dependencyUnavailable,
      rule('email-refused'),
    ],
    responses: { 201: { description: 'The account', schema: 'CreatedStaffView' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/staff',
    function: 'staff',
    access: 'staff',
    roles: ['agency_admin', 'platform_admin'],
    summary: 'The agency’s staff accounts',
    params: AgencyPath,
    query: PageQuery,
    problems: [],
    responses: { 200: { description: 'A page of accounts', schema: 'StaffList' } },
  },
  {
    method: 'PATCH',
    path: '/v1/agencies/{agencyId}/staff/{staffId}',
    function: 'staff',
    access: 'staff',
    roles: ['agency_admin', 'platform_admin'],
    summary: 'Enable or disable an account, or change its roles',
    params: StaffPath,
    body: StaffUpdate,
    problems: [notFound, versionConflict, rule('roles-do-not-fit-account'), dependencyUnavailable],
    responses: { 200: { description: 'The account', schema: 'StaffView' } },
  },
] as const satisfies readonly RouteDefinition<'staff'>[];
