import { composeDetailedReport } from './detailed-report';
import { composeExecutiveSummary } from './executive-summary';
import { composeImplementationKits } from './implementation-kits';
import { fixtureContext } from '../../../test/fixtures/delivery';
import { documentText } from '../test-helpers';
import { findClientTextViolations } from '../../domain/client-text';
import type { ExtractedDocument } from '../../domain/document-facts';
import type { DeliveryContext } from '../types';

const board: ExtractedDocument = {
  documentId: 'd1',
  fileName: 'board-pack-q3.pdf',
  contentType: 'application/pdf',
  declaredDomain: 'financial-management',
  status: 'read',
  text: '',
  tables: [],
  facts: [
    {
      kind: 'label-value',
      label: 'Cash at bank',
      value: '£812k',
      number: 812000,
      unit: 'gbp',
      domains: ['financial-management'],
    },
    {
      kind: 'label-value',
      label: 'Net revenue retention',
      value: '84%',
      number: 84,
      unit: 'percent',
      domains: ['customer-success'],
    },
    // The same figure again, as a statement: shown once.
    {
      kind: 'statement',
      label: 'Statement',
      value: 'Cash at bank: £812k.',
      domains: ['financial-management'],
    },
  ],
};
const review: ExtractedDocument = {
  ...board,
  documentId: 'd2',
  fileName: 'it-review.docx',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  facts: [],
  text: 'IT review.\nAll 31 custom reports are maintained by one contractor, two days a week, with no handover.',
};
const photo: ExtractedDocument = {
  ...board,
  documentId: 'd3',
  fileName: 'whiteboard.png',
  contentType: 'image/png',
  status: 'not-read',
  facts: [],
};
const broken: ExtractedDocument = { ...photo, documentId: 'd4', fileName: 'scan.pdf', status: 'unreadable' };

const ctx: DeliveryContext = { ...fixtureContext(), documents: [board, review, photo, broken] };

describe('what we read in the client’s documents', () => {
  const report = composeDetailedReport(ctx);
  const section = report.sections.find((s) => s.heading === 'What we read in your documents');
  const text = section ? documentText({ title: '', subtitle: '', sections: [section] }) : '';

  it('lists each read document with its figures, each figure once, with the file name', () => {
    expect(section).toBeDefined();
    expect(text).toContain('board-pack-q3.pdf: cash at bank £812k; net revenue retention 84%.');
    expect(text.match(/£812k/g)).toHaveLength(1);
    // Prose without label–value pairs: the sentences with figures, verbatim.
    expect(text).toContain(
      'it-review.docx: “All 31 custom reports are maintained by one contractor, two days a week, with no handover”.',
    );
  });

  it('names images and unreadable files honestly, in one line', () => {
    expect(text).toContain(
      'Not read: whiteboard.png is an image: we keep it with your assessment but do not read images; scan.pdf could not be read',
    );
    expect(findClientTextViolations(documentText(report))).toEqual([]);
  });

  it('puts the figures a benchmark flags in the summary’s storyline, and nothing when there are no documents', () => {
    const summary = composeExecutiveSummary(ctx);
    const storyline = documentText({ title: '', subtitle: '', sections: [summary.sections[0]!] });
    expect(storyline).toContain(
      'Your own documents show it: net revenue retention 84% (board-pack-q3.pdf; typically',
    );
    expect(findClientTextViolations(documentText(summary))).toEqual([]);
    const none = composeDetailedReport(fixtureContext());
    expect(none.sections.some((s) => s.heading === 'What we read in your documents')).toBe(false);
    expect(documentText(composeImplementationKits(ctx))).not.toContain('What we read');
  });
});
