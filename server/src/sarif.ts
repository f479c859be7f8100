// SARIF 2.1.0 output for CI systems (code scanning, review tools).
import { catalog, describeSource, jsonSource, pick, rules, type Lang } from '../../shared/src/index';
import type { FileResult } from './fileResult';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

const howto = (id: string) => (catalog as Record<string, { zh: string; en: string } | undefined>)[`${id}.howto`];

export function toSarif(results: FileResult[], lang: Lang, version: string): unknown {
  const files = results.flatMap((r) => (r.kind === 'checked' ? [r] : []));
  const uri = (path: string) => path.split('\\').join('/');
  // Files that were skipped or could not be read are said as notifications of the run.
  const notifications = results.flatMap((r) => (r.kind === 'checked' ? [] : [{
    level: r.kind === 'failed' ? 'error' : 'note',
    message: { text: r.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.path) } } }],
  }]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gov-report',
            version,
            // No path of the checking machine in a log that is handed on: each rule carries its own
            // help text, and names its page inside the installed package (docs/rules/<id>.md).
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: pick(catalog[r.title], lang) },
              fullDescription: { text: pick(catalog[r.description], lang) },
              help: { text: [pick(catalog[r.description], lang), ...(howto(r.id) ? [pick(howto(r.id)!, lang)] : [])].join('\n\n') },
              properties: { page: `docs/rules/${r.id}.md` },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        invocations: [{ executionSuccessful: !results.some((r) => r.kind === 'failed'), toolExecutionNotifications: notifications }],
        results: files.flatMap((file) => [
          ...file.summary.findings.map((f, i) => {
            // A dismissed finding listed too (--include-dismissed) is given once, below, as suppressed.
            if (f.decision === 'dismissed') return undefined;
            const finding = file.findings[i];
            const region = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
            if (file.rebuiltFrom) {
              // Lines of the rebuilt text mean nothing in a Word or PDF file: the file, the place in
              // it in the message and as a property, and no text replacement.
              const where = f.source ? pick(describeSource(f.source), lang) : undefined;
              return {
                ruleId: f.rule,
                level: LEVEL[f.severity],
                message: { text: where ? `${where}：${f.message}` : f.message },
                locations: [{ physicalLocation: { artifactLocation: { uri: file.path.split('\\').join('/') } } }],
                properties: { ...(f.source ? { source: jsonSource(f.source) } : {}), rebuiltRegion: region },
              };
            }
            return {
              ruleId: f.rule,
              level: LEVEL[f.severity],
              message: { text: f.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: file.path.split('\\').join('/') }, region } }],
              ...(finding?.fix?.safe
                ? { fixes: [{ description: { text: pick(finding.fix.title, lang) }, artifactChanges: [{ artifactLocation: { uri: file.path.split('\\').join('/') }, replacements: [{ deletedRegion: region, insertedContent: { text: finding.fix.edit.newText } }] }] }] }
                : {}),
            };
          }).filter((r) => r !== undefined),
          // What a reviewer dismissed: carried with its justification, as SARIF suppressions are.
          ...file.dismissed.map((f) => ({
            ruleId: f.rule,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: uri(file.path) }, ...(file.rebuiltFrom ? {} : { region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } }) } }],
            suppressions: [{ kind: f.decidedIn ?? 'external', status: 'accepted', ...(f.reason ? { justification: f.reason } : {}) }],
          })),
        ]),
      },
    ],
  };
}
