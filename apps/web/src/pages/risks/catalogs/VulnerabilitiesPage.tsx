import { CatalogListPage } from './CatalogListPage';

export function VulnerabilitiesPage() {
  return <CatalogListPage kind="vulnerabilities" />;
}
