// The cause behind the arithmetic symptoms: the cell (or two) whose change makes every failing
// relation of a table hold (see diagnose/locate.ts). When that change is unique the finding sits
// on the wrong cell with a safe fix, and the symptom findings of I1–I4 are folded into it; when
// several changes are equally small, they are offered for the user to choose and nothing is
// applied by fix-all.
import { message, type Params } from '../i18n/catalog';
import type { Localized } from '../format/schema';
import { locate, typingSlip, type CellChange, type Diagnosis, type Explanation, type TotalsBehind } from '../diagnose/locate';
import { followFix } from '../diagnose/follow';
import { cellName, relationSides, shortName, type Relation } from '../diagnose/relations';
import type { ReportModel } from '../model';
import type { Fix, Related, Rule, RuleFinding } from './types';

const MAX_OPTIONS_IN_MESSAGE = 4;

export const wrongCell: Rule = {
  id: 'wrong-cell',
  severity: 'error',
  evidence: 'cells',
  identity: 'I1–I4',
  title: 'wrong-cell.title',
  description: 'wrong-cell.description',
  check(model) {
    const out: RuleFinding[] = [];
    for (const d of locate(model)) {
      const covers = d.failing.map((f) => f.relation.key);
      const unique = d.explanations.length === 1 && !d.truncated;
      if (unique && d.behind) {
        const f = behindFinding(model, d, d.behind, covers);
        if (f) {
          out.push(f);
          continue;
        }
      }
      if (unique) {
        const only = d.explanations[0] as Explanation;
        for (const ch of only.changes) out.push(uniqueFinding(model, d, ch, only, covers));
      } else if (d.explanations.length > 1) {
        out.push(ambiguousFinding(model, d, covers));
      }
      // No explanation of one or two cells: the symptom findings stand alone.
    }
    return out;
  },
};

function uniqueFinding(model: ReportModel, d: Diagnosis, ch: CellChange, e: Explanation, covers: string[]): RuleFinding {
  const mine = d.failing.filter((f) => f.relation.terms.some((t) => t.cell === ch.cell)).map((f) => f.relation);
  const cell = cellName(model, ch.table, ch.rowId, ch.cell);
  const evidence = joinNames(mine.map(shortName));
  const others = e.changes.filter((c) => c !== ch);
  const params: Params = { cell: cell.zh, cellEn: cell.en, actual: ch.from, expected: ch.to, evidence: evidence.zh, evidenceEn: evidence.en };
  let msg;
  if (others.length > 0) {
    const other = joinNames(others.map((o) => message('msg.wrongCell.option', { ...nameParams(model, o), value: o.to })));
    msg = message('msg.wrongCell.pair', { ...params, other: other.zh, otherEn: other.en, evidence: joinNames(d.failing.map((f) => f.relation.name)).zh, evidenceEn: joinNames(d.failing.map((f) => f.relation.name)).en });
  } else {
    msg = message(mine.length > 1 ? 'msg.wrongCell.many' : 'msg.wrongCell.one', params);
  }
  return {
    message: msg,
    range: ch.cell.range,
    related: relatedOf(d),
    expected: ch.to,
    actual: ch.from,
    // Applied by fix-all only when it undoes a typing slip: a figure the writer typed (12 where the
    // totals still say 0) is never undone, however well the identities determine the cell.
    fix: { title: message('msg.fix.setCell', { ...nameParams(model, ch), value: ch.to }), edit: { range: ch.cell.range, newText: String(ch.to) }, safe: typingSlip(ch.from, ch.to) },
    // Determined by the whole explanation: it does not wait for the other cells it names.
    inputs: [],
    covers,
  };
}

/**
 * A figure written before its totals (the tie-break in locate.ts): the totals are said to be
 * behind, not the figure wrong. 更新合计 is the fix, applied by fix-all when it settles every
 * relation (else a quick fix: a 四 that cannot follow); the figure is never undone.
 */
function behindFinding(model: ReportModel, d: Diagnosis, behind: TotalsBehind, covers: string[]): RuleFinding | undefined {
  const ch = behind.change;
  const follow = followFix(behind.totals);
  if (!follow) return undefined;
  const cell = cellName(model, ch.table, ch.rowId, ch.cell);
  const evidence = joinNames(d.failing.map((f) => shortName(f.relation)));
  return {
    message: message('msg.wrongCell.totalsBehind', { cell: cell.zh, cellEn: cell.en, actual: ch.from, expected: ch.to, evidence: evidence.zh, evidenceEn: evidence.en }),
    range: ch.cell.range,
    related: relatedOf(d),
    // No fix writes the figure back: it is the writer's (who retypes it if it was put in the wrong cell).
    fix: { ...follow, safe: behind.settles, follow: true },
    // Determined by the whole explanation: it does not wait for the other cells it names.
    inputs: [],
    covers,
  };
}

function ambiguousFinding(model: ReportModel, d: Diagnosis, covers: string[]): RuleFinding {
  const options = d.explanations.map((e) => joinNames(e.changes.map((c) => message('msg.wrongCell.option', { ...nameParams(model, c), value: c.to }))));
  const shown = options.slice(0, MAX_OPTIONS_IN_MESSAGE);
  const hidden = options.length - shown.length + (d.truncated ? 1 : 0);
  const list: Localized = {
    zh: shown.map((o) => o.zh).join('；或') + (hidden > 0 ? `；${message('msg.wrongCell.more', { count: options.length }).zh}` : ''),
    en: shown.map((o) => o.en).join('; or ') + (hidden > 0 ? `; ${message('msg.wrongCell.more', { count: hidden }).en}` : ''),
  };
  const evidence = joinNames(d.failing.map((f) => f.relation.name));
  const first = (d.explanations[0] as Explanation).changes[0] as CellChange;
  const count = d.truncated ? `${options.length}+` : options.length;
  return {
    message: message('msg.wrongCell.ambiguous', { evidence: evidence.zh, evidenceEn: evidence.en, count, options: list.zh, optionsEn: list.en }),
    range: first.cell.range,
    related: relatedOf(d),
    alternatives: d.explanations.map((e, k) => alternative(model, e, options[k] as Localized)),
    covers,
  };
}

function alternative(model: ReportModel, e: Explanation, title: Localized): Fix {
  const [head, ...rest] = e.changes as [CellChange, ...CellChange[]];
  const edit = (c: CellChange) => ({ range: c.cell.range, newText: String(c.to) });
  return {
    title: e.changes.length === 1 ? message('msg.fix.setCell', { ...nameParams(model, head), value: head.to }) : title,
    edit: edit(head),
    safe: false,
    ...(rest.length ? { extraEdits: rest.map(edit) } : {}),
  };
}

function nameParams(model: ReportModel, c: CellChange): Params {
  const n = cellName(model, c.table, c.rowId, c.cell);
  return { cell: n.zh, cellEn: n.en };
}

/** Each failing relation as related information, shown at the total it is written against. */
function relatedOf(d: Diagnosis): Related[] {
  return d.failing.map((f) => ({ range: f.relation.anchor.range, message: relationMessage(f.relation) }));
}

function relationMessage(relation: Relation): Localized {
  const sides = relationSides(relation) ?? { lhs: 0, rhs: 0 };
  return message('msg.related.relation', { name: relation.name.zh, nameEn: relation.name.en, ...sides });
}

function joinNames(names: Localized[]): Localized {
  const and = message('relation.and');
  const comma = message('relation.list');
  const join = (xs: string[], lang: 'zh' | 'en') => {
    const a = lang === 'zh' ? and.zh : and.en;
    const c = lang === 'zh' ? comma.zh : comma.en;
    return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(c)}${a}${xs[xs.length - 1]}`;
  };
  return { zh: join(names.map((n) => n.zh), 'zh'), en: join(names.map((n) => n.en), 'en') };
}
