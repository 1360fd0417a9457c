import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { UnreadableDocument } from './errors';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, type Cell, type RawTable } from './tables';
import type { Unit } from './values';
import { checkZip } from './zip-guard';

export const MAX_SHEETS = 20;

interface Plain {
  value: Cell;
  unit?: Unit;
}

/** An exceljs cell → a plain value; percent-formatted numbers become percents (0.041 → 4.1). */
function plain(cell: ExcelJS.Cell): Plain {
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ('result' in o) v = o.result;
    else if ('richText' in o && Array.isArray(o.richText))
      v = (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    else if ('text' in o) v = o.text;
    else if ('error' in o) v = null;
    else v = null;
  }
  if (v && typeof v === 'object' && !(v instanceof Date)) v = null; // a formula without a cached result
  const fmt = cell.numFmt ?? '';
  if (typeof v === 'number') {
    if (fmt.includes('%')) return { value: v * 100, unit: 'percent' };
    if (fmt.includes('£') || /GBP/i.test(fmt)) return { value: v, unit: 'gbp' };
  }
  return { value: v as Cell };
}

/**
 * An .xlsx workbook → one table per sheet (the first row with two or more filled cells is the header).
 * Read with exceljs's streaming reader, so memory stays bounded: rows past the limit are skipped, not kept.
 */
export async function readXlsx(bytes: Uint8Array, signal?: AbortSignal): Promise<RawTable[]> {
  const { names } = await checkZip(bytes, 'an Excel workbook');
  if (!names.includes('xl/workbook.xml'))
    throw new UnreadableDocument(
      'The file does not look like an Excel workbook; it may be damaged or saved in another format.',
      `zip without xl/workbook.xml (${names.slice(0, 5).join(', ')})`,
    );
  const tables: RawTable[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    let sheets = 0;
    for await (const ws of reader) {
      const sheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
      const grid: Plain[][] = [];
      for await (const row of sheet) {
        if (signal?.aborted) throw new UnreadableDocument('The workbook took too long to read.', 'aborted');
        if (sheets >= MAX_SHEETS || grid.length >= MAX_TABLE_ROWS + 50) continue; // drain, keep nothing
        const cells: Plain[] = [];
        const width = Math.min(row.cellCount, MAX_TABLE_COLUMNS);
        for (let c = 1; c <= width; c++) cells.push(plain(row.getCell(c)));
        // Rows come sparse (empty rows are not emitted): keep their place so "row N" stays true.
        while (grid.length < row.number - 1 && grid.length < MAX_TABLE_ROWS + 50) grid.push([]);
        grid.push(cells);
      }
      if (sheets++ >= MAX_SHEETS) continue;
      const table = toTable(grid, sheet.name ?? `Sheet${sheets}`);
      if (table) tables.push(table);
    }
  } catch (err) {
    if (err instanceof UnreadableDocument) throw err;
    throw new UnreadableDocument(
      'The workbook could not be read; it may be damaged.',
      `exceljs: ${(err as Error)?.message}`,
    );
  }
  return tables;
}

function toTable(grid: Plain[][], sheetName: string): RawTable | null {
  const filled = (cells: Plain[]) =>
    cells.filter((c) => c.value !== null && c.value !== undefined && String(c.value).trim() !== '').length;
  const headerAt = grid.findIndex((cells) => filled(cells) >= 2);
  if (headerAt < 0) return null;
  const body = grid.slice(headerAt + 1).filter((cells) => filled(cells) > 0);
  const width = Math.max(grid[headerAt]!.length, ...body.slice(0, 50).map((r) => r.length));
  const units: (Unit | undefined)[] = Array.from({ length: width }, (_, i) => {
    const us = body.map((r) => r[i]?.unit).filter(Boolean);
    return us.length && us.length >= body.filter((r) => typeof r[i]?.value === 'number').length / 2
      ? us[0]
      : undefined;
  });
  return {
    name: `sheet ${sheetName}`.slice(0, 120),
    headers: grid[headerAt]!.map((c) => (c.value === null || c.value === undefined ? '' : String(c.value))),
    rows: body.slice(0, MAX_TABLE_ROWS).map((r) => r.map((c) => c.value)),
    units,
  };
}
