export { ThreatsPage } from './CatalogListPage';
