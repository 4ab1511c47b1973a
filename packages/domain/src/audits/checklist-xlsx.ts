import ExcelJS from 'exceljs';
import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audits-checklists';
import type { ChecklistImportReport, ChecklistResult } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, type FieldError } from '../errors.ts';
import { conductedAudit, readableAudit } from './checklist-access.ts';
import { loadChecklist } from './checklist.ts';
import { applyResult, resultProblems } from './findings-raise.ts';

/**
 * The checklist as an XLSX workbook for auditors working offline, and the
 * filled workbook read back: every row is checked first and reported; results
 * are written only when no row is wrong (and not on a dry run).
 */

type Lang = 'ja' | 'en';

const HEADERS: Record<Lang, string[]> = {
  ja: ['行ID', 'No.', '項番', '項目', '質問', '結果', 'メモ'],
  en: ['Line ID', 'No.', 'Reference', 'Item', 'Question', 'Result', 'Notes'],
};
const RESULTS: Record<Lang, Record<ChecklistResult, string>> = {
  ja: {
    conform: '適合',
    major_nc: '重大な不適合',
    minor_nc: '軽微な不適合',
    observation: '観察事項',
    ofi: '改善の機会',
  },
  en: {
    conform: 'Conform',
    major_nc: 'Major nonconformity',
    minor_nc: 'Minor nonconformity',
    observation: 'Observation',
    ofi: 'Opportunity for improvement',
  },
};

/** A result cell: its label in either language or the code itself; blank is no result. */
export function parseResult(cell: string): ChecklistResult | null | undefined {
  const value = cell.trim();
  if (!value) return null;
  for (const lang of ['ja', 'en'] as const) {
    for (const [code, label] of Object.entries(RESULTS[lang])) {
      if (value === code || value.toLowerCase() === label.toLowerCase()) {
        return code as ChecklistResult;
      }
    }
  }
  return undefined;
}

// A cell starting with = + - @ would run as a formula in a spreadsheet.
const neutral = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
const unneutral = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

export async function exportChecklist(db: Db, ctx: RequestContext, auditId: string, lang: Lang) {
  const audit = await readableAudit(db, ctx, auditId);
  const checklist = await loadChecklist(db, ctx.actor.organizationId, audit);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(lang === 'ja' ? 'チェックリスト' : 'Checklist');
  sheet.addRow(HEADERS[lang]);
  sheet.getRow(1).font = { bold: true };
  checklist.items.forEach((line, i) => {
    sheet.addRow([
      line.id,
      i + 1,
      line.ref?.displayId[lang] ?? '',
      neutral(line.ref?.title[lang] ?? ''),
      neutral(line.prompt[lang]),
      line.result ? RESULTS[lang][line.result] : '',
      neutral(line.notes),
    ]);
  });
  const choices = `"${Object.values(RESULTS[lang]).join(',')}"`;
  for (let r = 2; r <= checklist.items.length + 1; r += 1) {
    sheet.getCell(r, 6).dataValidation = { type: 'list', allowBlank: true, formulae: [choices] };
  }
  sheet.columns.forEach((column, i) => {
    column.width = [38, 6, 16, 30, 70, 22, 50][i] ?? 20;
  });
  sheet.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
  const body = Buffer.from(await book.xlsx.writeBuffer());
  return {
    body,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${audit.code}-checklist-${lang}.xlsx`,
  };
}

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) {
    return value.richText.map((t) => t.text).join('');
  }
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
};

interface ParsedRow {
  row: number;
  lineId: string;
  result: ChecklistResult | null | undefined;
  notes: string;
}

async function readRows(file: Buffer): Promise<ParsedRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw invalid(
      [{ field: 'file', code: 'audit_checklist_import_unreadable' }],
      'audit_checklist_import_unreadable',
    );
  }
  const sheet = book.worksheets[0];
  const header = sheet ? [1, 6, 7].map((c) => cellText(sheet.getRow(1).getCell(c).value)) : [];
  const known = (['ja', 'en'] as const).some((lang) =>
    [0, 5, 6].every((c, i) => HEADERS[lang][c] === header[i]?.trim()),
  );
  if (!sheet || !known) {
    throw invalid(
      [{ field: 'file', code: 'audit_checklist_import_header' }],
      'audit_checklist_import_header',
    );
  }
  const rows: ParsedRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const lineId = cellText(row.getCell(1).value).trim();
    const result = cellText(row.getCell(6).value);
    const notes = unneutral(cellText(row.getCell(7).value));
    if (!lineId && !result.trim() && !notes.trim()) return;
    rows.push({ row: n, lineId, result: parseResult(result), notes });
  });
  return rows;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function importChecklist(
  db: Db,
  ctx: RequestContext,
  auditId: string,
  file: Buffer,
  dryRun: boolean,
): Promise<ChecklistImportReport> {
  const parsed = await readRows(file);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const audit = await conductedAudit(tx, ctx, auditId);
    const ids = parsed.map((p) => p.lineId).filter((id) => UUID.test(id));
    const lines = new Map((await repo.linesByIds(tx, org, auditId, ids)).map((l) => [l.id, l]));
    const findings = new Map(
      (await repo.findingsOfLines(tx, org, [...lines.keys()])).map((f) => [f.lineId!, f]),
    );
    const seen = new Set<string>();
    const rows = parsed.map((p) => {
      const errors: FieldError[] = [];
      const line = lines.get(p.lineId);
      if (!line) errors.push({ field: 'lineId', code: 'audit_checklist_line_unknown' });
      else if (seen.has(p.lineId))
        errors.push({ field: 'lineId', code: 'audit_checklist_line_twice' });
      seen.add(p.lineId);
      if (p.result === undefined)
        errors.push({ field: 'result', code: 'audit_checklist_result_unknown' });
      const input = { result: p.result ?? null, notes: p.notes, evidence: line?.evidence ?? [] };
      const changed = Boolean(line) && (line!.result !== input.result || line!.notes !== p.notes);
      if (line && changed && p.result !== undefined) {
        const problems = resultProblems(audit, findings.get(line.id) ?? null, input);
        errors.push(...problems.fields);
        if (problems.conflict) errors.push({ field: 'result', code: problems.conflict });
      }
      return {
        row: p.row,
        lineId: line ? line.id : p.lineId || null,
        result: p.result ?? null,
        changed,
        errors,
        input,
        line,
      };
    });
    const errorCount = rows.filter((r) => r.errors.length > 0).length;
    const changedRows = rows.filter((r) => r.changed && r.errors.length === 0);
    const applied = !dryRun && errorCount === 0;
    if (applied) {
      // Lines as read at the start: the audit row lock keeps them current.
      for (const r of changedRows) await applyResult(tx, ctx, audit, r.line!, r.input);
      if (changedRows.length > 0) {
        await recordAudit(tx, ctx, [
          {
            action: 'audit_checklist.imported',
            entityType: 'audit_checklist',
            entityId: auditId,
            after: { rows: rows.length, changed: changedRows.length },
          },
        ]);
      }
    }
    return {
      applied,
      changed: changedRows.length,
      errors: errorCount,
      rows: rows.map(({ row, lineId, result, changed, errors }) => ({
        row,
        lineId,
        result,
        changed,
        errors: errors.map((e) => ({ field: e.field, code: e.code })),
      })),
    };
  });
}
