import type { PaperSize, Workbook, Worksheet } from 'exceljs';

export interface SheetColumn<Row> {
  header: string;
  /** Width in characters. */
  width: number;
  value(row: Row, index: number): string | number | null;
  /** Excel number format, e.g. '0%'. */
  numFmt?: string;
}

const A4 = 9 as PaperSize; // PaperSize is a const enum, which isolatedModules cannot read at run time

/**
 * A printable sheet in the shape of a Thai government report: the document's title (and a line under it)
 * above the header row, the header frozen and repeated on every printed page, landscape A4 one page wide,
 * long text wrapped.
 */
export function addTableSheet<Row>(
  workbook: Workbook,
  name: string,
  heading: { title: string; subtitle?: string },
  columns: readonly SheetColumn<Row>[],
  rows: readonly Row[],
): Worksheet {
  const headerRow = heading.subtitle ? 3 : 2;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: { orientation: 'landscape', paperSize: A4, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    if (c.numFmt) column.numFmt = c.numFmt;
  });

  const title = sheet.getRow(1);
  title.getCell(1).value = heading.title;
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, columns.length);
  if (heading.subtitle) {
    sheet.getRow(2).getCell(1).value = heading.subtitle;
    sheet.mergeCells(2, 1, 2, columns.length);
  }

  const header = sheet.getRow(headerRow);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  rows.forEach((row, i) => {
    const added = sheet.addRow(columns.map((c) => c.value(row, i)));
    added.alignment = { vertical: 'top', wrapText: true };
  });
  return sheet;
}
