/**
 * Bump when extraction improves: stored results of older versions are read again (ensureDocumentsRead).
 * A module of its own so that code which only reads stored results (the API, the deliverables) does not pull
 * the document readers (unpdf, exceljs, mammoth, csv-parse) into its bundle.
 */
export const EXTRACTOR_VERSION = 2;
