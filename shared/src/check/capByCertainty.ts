// Certain or silent, in one place for every rule: a finding is capped by how sure the reading it
// rests on is (model.ts `Certainty`, set by the readers and the interpreter; rules/types.ts
// `EvidenceKind`, declared by each rule).
// - A finding on cells, words or headings any of which was not read for sure is at most a warning,
//   and its fix is only offered (fix-all never writes from a guess); so is a reading rule's fix.
// - A claim that something is absent, where the place it should stand was not read for sure, is not
//   made: the claims of one table (or of the document) become one `unconfirmed` info.
import { message } from '../i18n/catalog';
import type { ReportModel, Table } from '../model';
import { overlapsAny } from '../parse/certainty';
import { tableNames } from '../query';
import type { EvidenceKind, Finding } from '../rules/types';
import type { Range } from '../text';

/** At most this many claims are quoted in one `unconfirmed` info. */
const MAX_CLAIMS = 4;

export function capByCertainty(model: ReportModel, findings: Finding[], evidenceOf: (ruleId: string) => EvidenceKind | undefined, unconfirmedSeverity: Finding['severity'] | 'off'): Finding[] {
  const unsure = unsureRanges(model);
  if (unsure.length === 0 && model.read === 'sure') return findings;
  const out: Finding[] = [];
  const dropped = new Map<string, Finding[]>();
  for (const f of findings) {
    const kind = evidenceOf(f.ruleId);
    if (kind === 'absence') {
      const scope = scopeOf(model, f.range);
      if (scope.read !== 'sure') {
        const list = dropped.get(scope.key) ?? [];
        list.push(f);
        dropped.set(scope.key, list);
        continue;
      }
    } else if (restsOnUnsure(f, unsure)) {
      if (f.severity === 'error') f.severity = 'warning';
      if (f.fix?.safe) f.fix = { ...f.fix, safe: false };
    }
    out.push(f);
  }
  if (unconfirmedSeverity !== 'off') for (const [key, claims] of dropped) out.push(unconfirmedInfo(model, key, claims, unconfirmedSeverity));
  return out;
}

/** The cells and row labels read other than for sure, and the stretches the reader cut itself, sorted. */
function unsureRanges(model: ReportModel): Range[] {
  const out: Range[] = [...model.inferredSpans];
  for (const t of Object.values(model.tables) as Table[]) {
    for (const r of t.rows) {
      if (r.read) out.push(r.labelRange);
      for (const c of r.cells) if (c.read) out.push(c.range);
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end).reduce<Range[]>((merged, r) => {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ start: r.start, end: r.end });
    return merged;
  }, []);
}

function restsOnUnsure(f: Finding, unsure: Range[]): boolean {
  if (overlapsAny(unsure, f.range)) return true;
  for (const r of f.related) if (overlapsAny(unsure, r.range)) return true;
  for (const r of f.inputs ?? []) if (overlapsAny(unsure, r)) return true;
  return false;
}

/** The table a finding stands in, else the document. */
function scopeOf(model: ReportModel, r: Range): { key: string; read: ReportModel['read'] } {
  for (const t of Object.values(model.tables) as Table[]) if (r.start >= t.range.start && r.start <= t.range.end) return { key: t.id, read: t.read };
  return { key: 'document', read: model.read };
}

function unconfirmedInfo(model: ReportModel, key: string, claims: Finding[], severity: Finding['severity']): Finding {
  const quoted = claims.slice(0, MAX_CLAIMS);
  const more = claims.length - quoted.length;
  const zh = quoted.map((c) => c.message.zh).join('；') + (more > 0 ? `；等 ${claims.length} 项` : '');
  const en = quoted.map((c) => c.message.en).join('; ') + (more > 0 ? `; ${claims.length} in all` : '');
  const names = key === 'document' ? message('msg.unconfirmed.document') : (({ table, tableEn }) => ({ zh: table, en: tableEn }))(tableNames(key as Table['id']));
  const first = claims.reduce((a, b) => (b.range.start < a.range.start ? b : a));
  return {
    ruleId: 'unconfirmed', severity,
    message: message(model.incomplete ? 'msg.unconfirmed.incomplete' : 'msg.unconfirmed', { scope: names.zh, scopeEn: names.en, claims: zh, claimsEn: en }),
    range: first.range, related: claims.slice(1, MAX_CLAIMS).map((c) => ({ range: c.range, message: c.message })),
  };
}
