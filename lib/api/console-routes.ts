import { adminRoutes } from './console-routes/admin';
import { applicationsRoutes } from './console-routes/applications';
import { complaintsRoutes } from './console-routes/complaints';
import { platformRoutes } from './console-routes/platform';
import { proactiveRoutes } from './console-routes/proactive';
import { reportsRoutes } from './console-routes/reports';
import { sessionRoutes } from './console-routes/session';
import { supervisionRoutes } from './console-routes/supervision';

/** The staff console's pages, by area (each area's routes in its own file). */
export const consoleRoutes = [
  ...sessionRoutes,
  ...applicationsRoutes,
  ...proactiveRoutes,
  ...complaintsRoutes,
  ...reportsRoutes,
  ...supervisionRoutes,
  ...adminRoutes,
  ...platformRoutes,
] as const;
