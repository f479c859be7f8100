// SARIF 2.1.0 output for CI systems (code scanning, review tools).
import { catalog, pick, rules, type DocumentSummary, type Finding, type Lang } from '../../shared/src/index';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function toSarif(files: Array<{ path: string; summary: DocumentSummary; findings: Finding[] }>, lang: Lang, version: string): unknown {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gov-report',
            version,
            informationUri: 'https://example.invalid/gov-report',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: pick(catalog[r.title], lang) },
              fullDescription: { text: pick(catalog[r.description], lang) },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        results: files.flatMap((file) =>
          file.summary.findings.map((f, i) => {
            const finding = file.findings[i];
            const region = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
            return {
              ruleId: f.rule,
              level: LEVEL[f.severity],
              message: { text: f.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: file.path.split('\\').join('/') }, region } }],
              ...(finding?.fix?.safe
                ? { fixes: [{ description: { text: pick(finding.fix.title, lang) }, artifactChanges: [{ artifactLocation: { uri: file.path.split('\\').join('/') }, replacements: [{ deletedRegion: region, insertedContent: { text: finding.fix.edit.newText } }] }] }] }
                : {}),
            };
          }),
        ),
      },
    ],
  };
}
