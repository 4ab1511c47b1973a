import type { RouteObject } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { RouteErrorPage } from './components/RouteErrorPage';
import { AREAS, type Area, type AreaKey } from './navigation';
import { AreaPlaceholderPage } from './pages/AreaPlaceholderPage';
import { DashboardPage } from './pages/DashboardPage';
import { NotFoundPage } from './pages/NotFoundPage';

/** The page of each built area; areas not listed show their placeholder. */
const areaPages: Partial<Record<AreaKey, RouteObject['element']>> = {};

function areaRoute(area: Area): RouteObject {
  return {
    path: area.path.slice(1),
    element: areaPages[area.key] ?? <AreaPlaceholderPage area={area} />,
  };
}

/**
 * The route tree. The shell's own errorElement catches failures of the shell;
 * the pathless child catches page failures so the shell stays usable.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: (
      <AppLayout>
        <RouteErrorPage />
      </AppLayout>
    ),
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <DashboardPage /> },
          ...AREAS.map(areaRoute),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
