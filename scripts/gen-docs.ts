// Generates, from the rule registry: docs/rules/<id>.md, the README's rules table and the
// settings schema in package.json. `npm run docs` writes them; the tests fail when they drift.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, catalog, check, parse, reportSkeleton, rules, spec } from '../shared/src/index';
import { cases } from '../test/helpers/ruleCases';

const root = join(__dirname, '..');
const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

export function ruleDoc(id: string): string {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const identity = rule.identity ? spec.identities.find((i) => i.id === rule.identity) : undefined;
  const howto = (catalog as Record<string, { zh: string; en: string } | undefined>)[`${id}.howto`];
  return [
    `# ${id}`,
    '',
    `**${catalog[rule.title].zh}** — ${catalog[rule.title].en}`,
    '',
    `默认级别 / default severity: \`${rule.severity}\` (${SEVERITY_ZH[rule.severity]})`,
    '',
    `适用格式 / formats: ${rule.formats ? rule.formats.map((f) => `${f} 年格式 (${f} format)`).join('、') : '2019 与 2021 年格式 (both formats)'}`,
    '',
    '## 检查什么 / What it checks',
    '',
    catalog[rule.description].zh,
    '',
    catalog[rule.description].en,
    ...(identity ? ['', `勾稽关系 / identity ${identity.id}: ${identity.relation.zh} (${identity.relation.en}); ${identity.scope.zh}.`] : []),
    ...(howto ? ['', '## 如何修正 / How to fix', '', howto.zh, '', howto.en] : []),
    ...example(id),
    '',
    '## 配置 / Configuration',
    '',
    '```json',
    `{ "gov-report.severity": { "${id}": "off" } }`,
    '```',
    '',
    `或在 \`.gov-report.json\` 中 / or in \`.gov-report.json\`: \`{ "rules": { "${id}": "off" } }\`；Markdown/HTML 中可用 / in Markdown and HTML: \`<!-- gov-report-disable-next-line ${id} -- 理由 / reason -->\``,
    '',
    `审阅时记录决定 / a reviewer's decision on one finding (kept in the folder's \`.gov-report-review.json\`, for PDF, Word and web pages too): \`gov-report review <报告> --dismiss ${id}[:<行>] --reason <理由>\` or \`--confirm ${id}[:<行>]\`; in VS Code, the quick actions 确认问题 / 排除（填写理由）… on the problem.`,
    '',
  ].join('\n');
}

/**
 * An example before and after, from the rule's own test case run through the checker (so the page
 * shows what the rule really says and what its fix really does).
 */
function example(id: string): string[] {
  const c = cases.find((x) => x.rule === id);
  if (!c) return [];
  const model = parse(c.text, { html: c.html === true });
  const expectedLine = c.text.slice(0, c.last ? c.text.lastIndexOf(c.at) : c.text.indexOf(c.at)).split('\n').length - 1;
  const f = check(model, { ...(c.severity ? { severity: c.severity } : {}), ...(c.requireReason ? { requireReason: true } : {}) }).find((x) => x.ruleId === id && model.lines.positionAt(x.range.start).line === expectedLine);
  if (!f) return [];
  const show = (text: string, from: number, count: number) => text.split('\n').slice(from, from + count).map((l) => (l.length > 120 ? l.slice(0, 117) + '…' : l).replace(/\t/g, ' │ '));
  const out = ['', '## 示例 / Example', '', '```text', ...show(c.text, expectedLine, 1), '```', '', `> ${f.message.zh}`, '>', `> ${f.message.en}`];
  if (f.fix) {
    const edits = [f.fix.edit, ...(f.fix.extraEdits ?? [])];
    const fixed = applyEdits(c.text, edits);
    const added = edits.reduce((n, e) => n + (e.newText.match(/\n/g)?.length ?? 0) - (c.text.slice(e.range.start, e.range.end).match(/\n/g)?.length ?? 0), 0);
    const first = Math.min(expectedLine, ...edits.map((e) => model.lines.positionAt(e.range.start).line));
    out.push('', `快速修复 / quick fix: ${f.fix.title.zh} / ${f.fix.title.en}${f.fix.safe ? '（全部修复时自动应用 / applied by fix-all）' : ''}`, '', '```text', ...show(fixed, first, Math.min(8, 1 + Math.max(0, added) + (expectedLine - first))), '```');
  }
  return out;
}

export function rulesTable(): string {
  const rows = rules.map((r) => `| \`${r.id}\` | ${r.severity} | ${catalog[r.title].zh} | ${catalog[r.title].en} |`);
  return ['| 规则 rule | 默认级别 | 说明 | description |', '|---|---|---|---|', ...rows].join('\n');
}

export function severitySchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const r of rules) {
    properties[r.id] = { type: 'string', enum: ['off', 'info', 'warning', 'error'], default: r.severity, description: `${catalog[r.title].zh} / ${catalog[r.title].en}` };
  }
  return {
    type: 'object',
    additionalProperties: false,
    default: {},
    markdownDescription: '%config.severity%',
    properties,
  };
}

const BEGIN = '<!-- rules:begin -->';
const END = '<!-- rules:end -->';

export function withRulesTable(readme: string): string {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) return readme;
  return readme.slice(0, a + BEGIN.length) + '\n' + rulesTable() + '\n' + readme.slice(b);
}

/** Snippets: the whole skeleton (agency and year as placeholders) for the report language and Markdown. */
export function snippets(layout: 'text' | 'markdown'): Record<string, unknown> {
  const body = reportSkeleton({ agency: 'AGENCY', year: 9999, layout, cells: 'zero' })
    .replace(/[\\$}]/g, (c) => `\\${c}`)
    .replace(/AGENCY/g, '${1:机关名称}')
    // A fixed default keeps the generated file stable; the writer types over it.
    .replace(/9999/g, '${2:2025}');
  return {
    '年度报告框架': {
      prefix: ['年度报告', 'gov-report'],
      body: body.replace(/\n$/, '').split('\n'),
      description: '政府信息公开工作年度报告（2021 年格式）完整框架 / the complete skeleton of a 2021-format report',
    },
  };
}

/** The JSON schema of .gov-report.json (completion and validation in VS Code), from the rule registry. */
export function configSchema(): Record<string, unknown> {
  const severity = { type: 'string', enum: ['off', 'info', 'warning', 'error'] };
  const ruleProps: Record<string, unknown> = {};
  for (const r of rules) ruleProps[r.id] = { ...severity, description: `${catalog[r.title].zh} / ${catalog[r.title].en} (默认 default: ${r.severity})` };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'gov-report 配置 / configuration (.gov-report.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: { description: '规则级别 / severity per rule', type: 'object', additionalProperties: false, properties: ruleProps },
      ignoreFiles: { description: '不检查的文件（通配符，相对于配置文件所在目录） / files not to check (globs, relative to this file)', type: 'array', items: { type: 'string' } },
      ignoreFindings: {
        description: '忽略的问题：按规则和所在的行或部分，不按行号 / findings to ignore, by rule and row or section (not by line number)',
        type: 'array',
        items: {
          type: 'object', additionalProperties: false, required: ['rule'],
          properties: {
            rule: { type: 'string', enum: [...rules.map((r) => r.id), '*'] },
            row: { type: 'string', description: '表格行，如“（一）予以公开”；表3 写“表3” / a table row by its label; "表3" for table 3' },
            section: { type: 'string', description: '部分，如“五” / a section by its numeral or title' },
            text: { type: 'string', description: '问题所在行包含的文字 / text on the finding\'s line' },
          },
        },
      },
      format: { description: '表格未显示格式时按此格式检查 / the format assumed when the tables do not show it', type: 'string', enum: ['2019', '2021'] },
      language: { description: '消息语言 / language of the messages', type: 'string', enum: ['zh-CN', 'en'] },
      requireReason: { description: '抑制注释必须在 “--” 之后写明理由，否则本身即为问题（suppression-reason） / a suppression comment must give its reason after " -- ", else it is itself a finding (suppression-reason)', type: 'boolean' },
    },
  };
}

if (require.main === module) {
  mkdirSync(join(root, 'schemas'), { recursive: true });
  writeFileSync(join(root, 'schemas', 'gov-report.schema.json'), JSON.stringify(configSchema(), null, 2) + '\n');
  mkdirSync(join(root, 'snippets'), { recursive: true });
  writeFileSync(join(root, 'snippets', 'gov-report.code-snippets'), JSON.stringify(snippets('text'), null, 2) + '\n');
  writeFileSync(join(root, 'snippets', 'markdown.code-snippets'), JSON.stringify(snippets('markdown'), null, 2) + '\n');
  mkdirSync(join(root, 'docs', 'rules'), { recursive: true });
  for (const r of rules) writeFileSync(join(root, 'docs', 'rules', `${r.id}.md`), ruleDoc(r.id));
  const readmePath = join(root, 'README.md');
  writeFileSync(readmePath, withRulesTable(readFileSync(readmePath, 'utf8')));
  const pkgPath = join(root, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.contributes.configuration.properties['gov-report.severity'] = severitySchema();
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
  process.stdout.write(`wrote ${rules.length} rule docs, the README table and the settings schema\n`);
}
