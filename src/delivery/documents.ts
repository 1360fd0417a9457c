/**
 * The three deliverables' composers, one module each under ./compose, sharing the section builders in
 * ./compose/shared. This module keeps the historical import path.
 */
export * from './compose/shared';
export { composeExecutiveSummary } from './compose/executive-summary';
export { composeDetailedReport } from './compose/detailed-report';
export * from './compose/implementation-kits';
