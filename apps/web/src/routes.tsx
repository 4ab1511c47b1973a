import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequirePermission } from './components/RequirePermission';
import { LoadingBlock } from './components/QueryStates';
import { RouteErrorPage } from './components/RouteErrorPage';
import { AREAS, type Area, type AreaKey } from './navigation';
import { AreaPlaceholderPage } from './pages/AreaPlaceholderPage';
import { AreaStrings, type LazyArea } from './i18n/lazy-areas';
import { DashboardPage } from './pages/DashboardPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SessionGate } from './session/SessionGate';

// Pages a first visit does not need (administration, approvals, the profile) load on first use,
// so the log-in page and the dashboard stay within their download budget (e2e/tests/delivery.test.ts).
const ApprovalPoliciesPage = lazy(() =>
  import('./pages/admin/ApprovalPoliciesPage').then((m) => ({ default: m.ApprovalPoliciesPage })),
);
const AuthPolicyPage = lazy(() =>
  import('./pages/admin/AuthPolicyPage').then((m) => ({ default: m.AuthPolicyPage })),
);
const IdentityProvidersPage = lazy(() =>
  import('./pages/admin/IdentityProvidersPage').then((m) => ({
    default: m.IdentityProvidersPage,
  })),
);
const IdentityProviderPage = lazy(() =>
  import('./pages/admin/IdentityProviderPage').then((m) => ({ default: m.IdentityProviderPage })),
);
const AuditLogPage = lazy(() =>
  import('./pages/admin/AuditLogPage').then((m) => ({ default: m.AuditLogPage })),
);
const EvidencePackPage = lazy(() =>
  import('./pages/evidence-pack/EvidencePackPage').then((m) => ({ default: m.EvidencePackPage })),
);
const RolesPage = lazy(() =>
  import('./pages/admin/RolesPage').then((m) => ({ default: m.RolesPage })),
);
const UsersPage = lazy(() =>
  import('./pages/admin/UsersPage').then((m) => ({ default: m.UsersPage })),
);
const ApprovalsPage = lazy(() =>
  import('./pages/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })),
);
const CalendarPage = lazy(() =>
  import('./pages/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })),
);
const NotificationsPage = lazy(() =>
  import('./pages/notifications/NotificationsPage').then((m) => ({
    default: m.NotificationsPage,
  })),
);
const NotificationSettingsPage = lazy(() =>
  import('./pages/notifications/NotificationSettingsPage').then((m) => ({
    default: m.NotificationSettingsPage,
  })),
);
const ProfilePage = lazy(() =>
  import('./pages/profile/ProfilePage').then((m) => ({ default: m.ProfilePage })),
);

// The catalog is a large part of the app that not every visit needs: loaded on first use.
const CatalogPage = lazy(() =>
  import('./pages/catalog/CatalogPage').then((m) => ({ default: m.CatalogPage })),
);
const AssetsPage = lazy(() =>
  import('./pages/assets/AssetsPage').then((m) => ({ default: m.AssetsPage })),
);
const ClassificationsPage = lazy(() =>
  import('./pages/assets/ClassificationsPage').then((m) => ({ default: m.ClassificationsPage })),
);
const ScopePage = lazy(() =>
  import('./pages/scope/ScopePage').then((m) => ({ default: m.ScopePage })),
);
const RisksArea = lazy(() =>
  import('./pages/risks/RisksArea').then((m) => ({ default: m.RisksArea })),
);
const RisksTabRoute = lazy(() =>
  import('./pages/risks/RisksArea').then((m) => ({ default: m.RisksTabRoute })),
);
const SoaPage = lazy(() => import('./pages/soa/SoaPage').then((m) => ({ default: m.SoaPage })));
const SoaMigrationPage = lazy(() =>
  import('./pages/soa/migration/SoaMigrationPage').then((m) => ({ default: m.SoaMigrationPage })),
);
const ConformityPage = lazy(() =>
  import('./pages/conformity/ConformityPage').then((m) => ({ default: m.ConformityPage })),
);
const ControlPage = lazy(() =>
  import('./pages/catalog/ControlPage').then((m) => ({ default: m.ControlPage })),
);

const DocumentsPage = lazy(() =>
  import('./pages/documents/DocumentsPage').then((m) => ({ default: m.DocumentsPage })),
);
const DocumentPage = lazy(() =>
  import('./pages/documents/DocumentPage').then((m) => ({ default: m.DocumentPage })),
);
const ToReadPage = lazy(() =>
  import('./pages/documents/ToReadPage').then((m) => ({ default: m.ToReadPage })),
);
const ReviewsDuePage = lazy(() =>
  import('./pages/documents/ReviewsDuePage').then((m) => ({ default: m.ReviewsDuePage })),
);

const RecordsPage = lazy(() =>
  import('./pages/records/RecordsPage').then((m) => ({ default: m.RecordsPage })),
);
const RecordTypesPage = lazy(() =>
  import('./pages/records/RecordTypesPage').then((m) => ({ default: m.RecordTypesPage })),
);
const RecordPage = lazy(() =>
  import('./pages/records/RecordPage').then((m) => ({ default: m.RecordPage })),
);

const AuditsPage = lazy(() =>
  import('./pages/audits/AuditsPage').then((m) => ({ default: m.AuditsPage })),
);
const AuditPage = lazy(() =>
  import('./pages/audits/AuditPage').then((m) => ({ default: m.AuditPage })),
);
const AuditorsPage = lazy(() =>
  import('./pages/audits/AuditorsPage').then((m) => ({ default: m.AuditorsPage })),
);
const ProgrammePage = lazy(() =>
  import('./pages/audits/ProgrammePage').then((m) => ({ default: m.ProgrammePage })),
);

const NonconformitiesPage = lazy(() =>
  import('./pages/improvement/NonconformitiesPage').then((m) => ({
    default: m.NonconformitiesPage,
  })),
);
const NonconformityPage = lazy(() =>
  import('./pages/improvement/NonconformityPage').then((m) => ({ default: m.NonconformityPage })),
);

// The improvement area (4.2.4, 7.1): register, communication log, preventive proposals.
const ImprovementsPage = lazy(() =>
  import('./pages/improvement-register/ImprovementsPage').then((m) => ({
    default: m.ImprovementsPage,
  })),
);
const ImprovementPage = lazy(() =>
  import('./pages/improvement-register/ImprovementPage').then((m) => ({
    default: m.ImprovementPage,
  })),
);
const CommunicationsPage = lazy(() =>
  import('./pages/improvement-register/CommunicationsPage').then((m) => ({
    default: m.CommunicationsPage,
  })),
);
const ProposalsPage = lazy(() =>
  import('./pages/improvement-register/ProposalsPage').then((m) => ({
    default: m.ProposalsPage,
  })),
);

// Management review (6.1–6.3): the reviews, one review with its inputs, minutes and decisions.
const ReviewsPage = lazy(() =>
  import('./pages/reviews/ReviewsPage').then((m) => ({ default: m.ReviewsPage })),
);
const ReviewPage = lazy(() =>
  import('./pages/reviews/ReviewPage').then((m) => ({ default: m.ReviewPage })),
);
const PartiesPage = lazy(() =>
  import('./pages/reviews/parties/PartiesPage').then((m) => ({ default: m.PartiesPage })),
);

// People (5.1.c, 5.2.2): roles, committee, chart, people, gaps, jobs; one person's profile.
const PeopleArea = lazy(() =>
  import('./pages/people/PeopleArea').then((m) => ({ default: m.PeopleArea })),
);
const PeopleSegmentRoute = lazy(() =>
  import('./pages/people/PeopleArea').then((m) => ({ default: m.PeopleSegmentRoute })),
);

// One incident: triage, response workflow, clocks, learning.
const IncidentPage = lazy(() =>
  import('./pages/incidents/IncidentPage').then((m) => ({ default: m.IncidentPage })),
);
// Training and awareness: the dashboard with courses, one course, sessions, the completion
// matrix, and My training with its quizzes.
const EventsPage = lazy(() =>
  import('./pages/events/EventsPage').then((m) => ({ default: m.EventsPage })),
);
const TrainingPage = lazy(() =>
  import('./pages/training/TrainingPage').then((m) => ({ default: m.TrainingPage })),
);
const CoursePage = lazy(() =>
  import('./pages/training/CoursePage').then((m) => ({ default: m.CoursePage })),
);
const TrainingSessionsPage = lazy(() =>
  import('./pages/training/SessionsPage').then((m) => ({ default: m.SessionsPage })),
);
const TrainingSessionPage = lazy(() =>
  import('./pages/training/SessionPage').then((m) => ({ default: m.SessionPage })),
);
const CompletionsPage = lazy(() =>
  import('./pages/training/CompletionsPage').then((m) => ({ default: m.CompletionsPage })),
);
const MyTrainingPage = lazy(() =>
  import('./pages/training/MyTrainingPage').then((m) => ({ default: m.MyTrainingPage })),
);
const QuizPage = lazy(() =>
  import('./pages/training/QuizPage').then((m) => ({ default: m.QuizPage })),
);

// Control operation (4.2.2.c): the register of applicable controls, the checks board, one control.
const ControlsPage = lazy(() =>
  import('./pages/controls/ControlsPage').then((m) => ({ default: m.ControlsPage })),
);
const ControlOperationPage = lazy(() =>
  import('./pages/controls/ControlOperationPage').then((m) => ({
    default: m.ControlOperationPage,
  })),
);

// Resources and budget per fiscal year (4.2.2.f, 5.1.e, 5.2.1.a).
const ResourcesPage = lazy(() =>
  import('./pages/resources/ResourcesPage').then((m) => ({ default: m.ResourcesPage })),
);
// ISMS objectives (5.1.b): the register and one objective with its measurements.
const ObjectivesPage = lazy(() =>
  import('./pages/objectives/ObjectivesPage').then((m) => ({ default: m.ObjectivesPage })),
);
const ObjectivePage = lazy(() =>
  import('./pages/objectives/ObjectivePage').then((m) => ({ default: m.ObjectivePage })),
);
// Incidents (4.2.3.a): my reports, all incidents, statistics, settings.
const IncidentsPage = lazy(() =>
  import('./pages/incidents/IncidentsPage').then((m) => ({ default: m.IncidentsPage })),
);

// Legal, regulatory and contractual obligations (5.2.1.c).
const LegalPage = lazy(() =>
  import('./pages/legal/LegalPage').then((m) => ({ default: m.LegalPage })),
);
const LegalObligationPage = lazy(() =>
  import('./pages/legal/LegalObligationPage').then((m) => ({ default: m.LegalObligationPage })),
);

const AUDIT_AREAS = ['audits', 'auditProgramme', 'auditChecklist', 'auditReport'] as const;

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingBlock />}>{children}</Suspense>;
}

function lazyPage(page: ReactNode) {
  return <Lazy>{page}</Lazy>;
}

/** A page of an area whose strings load with it (i18n/lazy-areas.tsx). */
function areaPage(area: LazyArea | readonly LazyArea[], page: ReactNode) {
  return (
    <Lazy>
      <AreaStrings area={area}>{page}</AreaStrings>
    </Lazy>
  );
}

/** The page of each built area; areas not listed show their placeholder. */
const areaPages: Partial<Record<AreaKey, RouteObject['element']>> = {
  catalog: areaPage('catalog', <CatalogPage />),
  scope: (
    <Lazy>
      <ScopePage />
    </Lazy>
  ),
  assets: (
    <Lazy>
      <AssetsPage />
    </Lazy>
  ),
  classifications: (
    <Lazy>
      <ClassificationsPage />
    </Lazy>
  ),
  documents: (
    <Lazy>
      <DocumentsPage />
    </Lazy>
  ),
  conformity: (
    <Lazy>
      <ConformityPage />
    </Lazy>
  ),
  records: areaPage('records', <RecordsPage />),
  controls: areaPage('controls', <ControlsPage />),
  correctiveActions: (
    <Lazy>
      <NonconformitiesPage />
    </Lazy>
  ),
  soa: (
    <Lazy>
      <SoaPage />
    </Lazy>
  ),
  risks: (
    <Lazy>
      <RisksArea tab="register" />
    </Lazy>
  ),
  treatmentPlan: (
    <Lazy>
      <RisksArea tab="treatment" />
    </Lazy>
  ),
  internalAudits: areaPage(AUDIT_AREAS, <AuditsPage />),
  managementReview: areaPage('reviews', <ReviewsPage />),
  improvement: (
    <Lazy>
      <ImprovementsPage />
    </Lazy>
  ),
  people: areaPage('people', <PeopleArea tab="people" />),
  training: areaPage('training', <TrainingPage />),
  ismsEvents: areaPage('events', <EventsPage />),
  incidents: areaPage('incidents', <IncidentsPage />),
  resources: areaPage('resources', <ResourcesPage />),
  legal: areaPage('legal', <LegalPage />),
  objectives: areaPage('objectives', <ObjectivesPage />),
};

function guarded(permission: string | undefined, element: ReactNode) {
  return permission ? (
    <RequirePermission permission={permission}>{element}</RequirePermission>
  ) : (
    element
  );
}

function areaRoute(area: Area): RouteObject {
  return {
    path: area.path.slice(1),
    element: guarded(area.permission, areaPages[area.key] ?? <AreaPlaceholderPage area={area} />),
  };
}

/**
 * The route tree. The session gate decides between set-up, log-in and the
 * shell; its errorElement catches failures of the shell, and the pathless
 * child catches page failures so the shell stays usable.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <SessionGate />,
    errorElement: (
      <SessionGate>
        <RouteErrorPage />
      </SessionGate>
    ),
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <DashboardPage /> },
          ...AREAS.map(areaRoute),
          {
            path: 'improvement/communications',
            element: guarded('improvement:read', lazyPage(<CommunicationsPage />)),
          },
          {
            path: 'improvement/proposals',
            element: guarded('improvement:read', lazyPage(<ProposalsPage />)),
          },
          {
            path: 'management-review/parties',
            element: guarded('reviews:read', areaPage('reviewsParties', <PartiesPage />)),
          },
          {
            path: 'improvement/:id',
            element: guarded('improvement:read', lazyPage(<ImprovementPage />)),
          },
          {
            path: 'risks/:tab',
            element: guarded(
              'isms:read',
              <Lazy>
                <RisksTabRoute />
              </Lazy>,
            ),
          },
          {
            path: 'catalog/:libraryId/controls/:controlId',
            element: guarded('catalog:read', areaPage('catalog', <ControlPage />)),
          },
          {
            path: 'documents/to-read',
            element: guarded(
              'documents:read',
              <Lazy>
                <ToReadPage />
              </Lazy>,
            ),
          },
          {
            path: 'documents/reviews',
            element: guarded(
              'isms:read',
              <Lazy>
                <ReviewsDuePage />
              </Lazy>,
            ),
          },
          {
            path: 'documents/:id',
            element: guarded(
              'documents:read',
              <Lazy>
                <DocumentPage />
              </Lazy>,
            ),
          },
          {
            path: 'objectives/:id',
            element: guarded('objectives:read', areaPage('objectives', <ObjectivePage />)),
          },
          {
            path: 'statement-of-applicability/migration',
            element: guarded('isms:read', areaPage('soaMigration', <SoaMigrationPage />)),
          },
          {
            path: 'records/types',
            element: guarded('isms:read', areaPage('records', <RecordTypesPage />)),
          },
          {
            path: 'records/:id',
            element: guarded('isms:read', areaPage('records', <RecordPage />)),
          },
          // Internal audits: the programme, the auditor register, one audit.
          {
            path: 'internal-audits/programme',
            element: guarded('audits:read', areaPage(AUDIT_AREAS, <ProgrammePage />)),
          },
          {
            path: 'internal-audits/auditors',
            element: guarded('audits:read', areaPage(AUDIT_AREAS, <AuditorsPage />)),
          },
          {
            path: 'internal-audits/:auditId',
            element: guarded('audits:read', areaPage(AUDIT_AREAS, <AuditPage />)),
          },
          {
            path: 'people/:segment',
            element: guarded('people:read', areaPage('people', <PeopleSegmentRoute />)),
          },
          {
            path: 'management-review/:id',
            element: guarded('reviews:read', areaPage('reviews', <ReviewPage />)),
          },
          {
            path: 'corrective-actions/:id',
            element: guarded(
              'improvement:read',
              <Lazy>
                <NonconformityPage />
              </Lazy>,
            ),
          },
          {
            path: 'training/my',
            element: guarded('training:take', areaPage('training', <MyTrainingPage />)),
          },
          {
            path: 'training/my/quiz/:courseId',
            element: guarded('training:take', areaPage('training', <QuizPage />)),
          },
          {
            path: 'training/courses/:id',
            element: guarded('training:read', areaPage('training', <CoursePage />)),
          },
          {
            path: 'training/sessions',
            element: guarded('training:read', areaPage('training', <TrainingSessionsPage />)),
          },
          {
            path: 'training/sessions/:id',
            element: guarded('training:read', areaPage('training', <TrainingSessionPage />)),
          },
          {
            path: 'training/completions',
            element: guarded('training:read', areaPage('training', <CompletionsPage />)),
          },
          {
            path: 'controls/:controlId',
            element: guarded('controls:read', areaPage('controls', <ControlOperationPage />)),
          },
          {
            path: 'legal/:id',
            element: guarded('legal:read', areaPage('legal', <LegalObligationPage />)),
          },
          {
            path: 'incidents/:id',
            element: guarded('incidents:read', areaPage('incidents', <IncidentPage />)),
          },
          // A resource opened in its edit form (conformity links point here).
          {
            path: 'resources/:id',
            element: guarded('resources:read', areaPage('resources', <ResourcesPage />)),
          },
          { path: 'profile', element: lazyPage(<ProfilePage />) },
          {
            path: 'calendar',
            element: guarded('organization:read', areaPage('calendar', <CalendarPage />)),
          },
          { path: 'approvals', element: guarded('approvals:read', lazyPage(<ApprovalsPage />)) },
          { path: 'notifications', element: areaPage('notifications', <NotificationsPage />) },
          {
            path: 'admin/notifications',
            element: guarded(
              'notifications:manage',
              areaPage('notifications', <NotificationSettingsPage />),
            ),
          },
          { path: 'admin/users', element: guarded('users:read', lazyPage(<UsersPage />)) },
          {
            path: 'admin/sign-in-policy',
            element: guarded('organization:manage', areaPage('authentication', <AuthPolicyPage />)),
          },
          { path: 'admin/roles', element: lazyPage(<RolesPage />) },
          {
            path: 'admin/identity-providers',
            element: guarded('organization:manage', areaPage('sso', <IdentityProvidersPage />)),
          },
          {
            path: 'admin/identity-providers/:id',
            element: guarded('organization:manage', areaPage('sso', <IdentityProviderPage />)),
          },
          // Single sign-on comes back to /login (with ?sso_error or ?mfa); once signed in, home.
          { path: 'login', element: <Navigate to="/" replace /> },
          {
            path: 'admin/audit',
            element: guarded('audit:read', areaPage('auditLabels', <AuditLogPage />)),
          },
          {
            path: 'evidence-pack',
            element: guarded('evidence_packs:read', areaPage('evidencePack', <EvidencePackPage />)),
          },
          {
            path: 'admin/approvals',
            element: guarded('approvals:read', lazyPage(<ApprovalPoliciesPage />)),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
