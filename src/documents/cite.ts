import type { DocumentFact, ExtractedDocument } from '../domain/document-facts';

/**
 * How a finding cites what was read: "management-accounts.pdf: monthly net burn £210k, runway 9 months".
 * Pure; for the analysts and the deliverables.
 */

function lowerFirst(label: string): string {
  // Keep acronyms and proper nouns as written ("NRR", "OTIF", "Acme").
  return /^[A-Z][a-z]/.test(label) && !/^[A-Z][a-z]+ [A-Z]/.test(label)
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}

/** One fact as a phrase: "monthly net burn £210k", "monthly churn % 4.1% in Mar 2026, rising from 2.3% in Oct 2025". */
export function factPhrase(fact: DocumentFact): string {
  if (fact.kind === 'statement') return `“${fact.value.replace(/[.!?]+$/, '')}”`;
  const value = fact.value.replace(/\s*\(\d+ periods\)$/, '');
  const label = lowerFirst(fact.label.replace(/[\s:]+$/, ''));
  return fact.kind === 'column' && /^Largest /.test(fact.label) ? `${label}: ${value}` : `${label} ${value}`;
}

/** A citation of a few facts of one document, e.g. "management-accounts.pdf: monthly net burn £210k, runway 9 months". */
export function citeFacts(doc: Pick<ExtractedDocument, 'fileName'>, facts: readonly DocumentFact[]): string {
  return `${doc.fileName}: ${facts.map(factPhrase).join(', ')}`;
}
