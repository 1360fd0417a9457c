import { z } from 'zod';
import { DOMAIN_IDS } from './domains';

/**
 * What ScaleMap read from one uploaded document: the contract between document extraction
 * (src/documents, which turns bytes into these facts and stores them per document) and the analysis
 * (which cites them as evidence). Stored as JSON and validated with this schema whenever it is read back.
 *
 * Sizes are bounded so a hostile or huge file cannot bloat a prompt or a row.
 */
export const DOCUMENT_READ_STATUSES = [
  /** Content was extracted; `facts` and/or `text` hold it. */
  'read',
  /** Stored but deliberately not read (images): say so honestly, never pretend. */
  'not-read',
  /** The file could not be parsed (corrupt, encrypted, hostile); `note` says why in client-safe words. */
  'unreadable',
] as const;
export type DocumentReadStatus = (typeof DOCUMENT_READ_STATUSES)[number];

export const FACT_KINDS = [
  /** A label–value pair found in text, e.g. "Cash at bank: £1.2M". */
  'label-value',
  /** A numeric column of a table: latest value, trend, share. */
  'column',
  /** A sentence of prose worth quoting (a red flag or a statement of practice). */
  'statement',
] as const;

export const documentFactSchema = z.object({
  kind: z.enum(FACT_KINDS),
  /** Human label as written in the document, e.g. "Cash at bank", "Monthly churn %". */
  label: z.string().min(1).max(200),
  /** The value as written (or a readable summary for a column), e.g. "£1.2M", "4.1% (Mar 2026)". */
  value: z.string().min(1).max(300),
  /** Parsed numeric value when there is one, in base units (pounds, percent as 4.1, days, count). */
  number: z.number().finite().optional(),
  unit: z.enum(['gbp', 'percent', 'days', 'months', 'count', 'ratio', 'other']).optional(),
  /** Columns: first and latest value, and the direction over the rows. */
  first: z.number().finite().optional(),
  latest: z.number().finite().optional(),
  trend: z.enum(['rising', 'falling', 'flat']).optional(),
  /** Period label of the latest value if the table has one (e.g. "Mar 2026"). */
  period: z.string().max(60).optional(),
  /** Domains the fact bears on: the document's declared domain first, then the per-domain vocabulary. */
  domains: z.array(z.enum(DOMAIN_IDS)).max(12),
  /** Where in the file: "sheet Pipeline, column Stage", "page 2". */
  location: z.string().max(120).optional(),
});
export type DocumentFact = z.infer<typeof documentFactSchema>;

export const MAX_FACTS_PER_DOCUMENT = 200;
export const MAX_TEXT_CHARS = 20_000;

export const extractedDocumentSchema = z.object({
  documentId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  /** Domain the client filed the document under, if any. */
  declaredDomain: z.enum(DOMAIN_IDS).nullable(),
  status: z.enum(DOCUMENT_READ_STATUSES),
  /** Client-safe explanation for not-read / unreadable; never a stack trace or library error name. */
  note: z.string().max(500).optional(),
  /** Bounded plain text (PDF / Word / prose), for quoting and for the LLM prompt. */
  text: z.string().max(MAX_TEXT_CHARS).default(''),
  facts: z.array(documentFactSchema).max(MAX_FACTS_PER_DOCUMENT).default([]),
  /** Tables seen (CSV/XLSX sheets): name, headers and row count, for the report's "what we read". */
  tables: z
    .array(
      z.object({
        name: z.string().max(120),
        headers: z.array(z.string().max(120)).max(60),
        rows: z.number().int(),
      }),
    )
    .max(20)
    .default([]),
});
export type ExtractedDocument = z.infer<typeof extractedDocumentSchema>;
