// The shape of the format specification (docs/format.md as data). The data in ./data.ts is
// validated against these schemas by a test, so a typo in the spec fails CI, not a user.
import { z } from 'zod';

export const Localized = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof Localized>;

export const FormatVersion = z.enum(['2019', '2021']);
export type FormatVersion = z.infer<typeof FormatVersion>;

export const ArticleSpec = z.object({
  id: z.string().regex(/^art\d+$/),
  title: z.string().min(1),
  text: z.string().min(1),
  /** Numbered items of the article, where hovers quote one item (第二十条). */
  items: z.array(z.object({ n: z.number().int().positive(), text: z.string().min(1) })).optional(),
});
export type ArticleSpec = z.infer<typeof ArticleSpec>;

/** Where a row or section rests in the 条例: article ids, optionally one item, and a note. */
export const Basis = z.object({
  articles: z.array(z.object({ id: z.string(), item: z.number().int().optional(), sub: z.string().optional() })),
  note: Localized.optional(),
});
export type Basis = z.infer<typeof Basis>;

export const SectionSpec = z.object({
  number: z.number().int().min(1).max(6),
  numeral: z.string().length(1),
  title: z.string().min(1),
  titleEn: z.string().min(1),
  /** A heading belongs to this section when its normalised title contains every word of one group. */
  keywords: z.array(z.array(z.string().min(1)).min(1)).min(1),
  /** Wordings real reports use that docs/format.md §2 accepts: they raise nothing. */
  variants: z.array(z.string().min(1)).optional(),
  content: Localized,
  basis: Basis,
});
export type SectionSpec = z.infer<typeof SectionSpec>;

export const ColumnKind = z.enum(['count', 'delta', 'money']);
export type ColumnKind = z.infer<typeof ColumnKind>;

export const ColumnSpec = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  en: z.string().min(1),
  /** Other spellings seen in real reports (normalised before comparison). */
  aliases: z.array(z.string()).default([]),
  kind: ColumnKind,
  meaning: Localized,
  /** 表3: the group a column belongs to. */
  group: z.string().optional(),
});
export type ColumnSpec = z.infer<typeof ColumnSpec>;

export const RowSpec = z.object({
  id: z.string().min(1),
  /** Canonical label as printed in the format, numbering included. */
  label: z.string().min(1),
  en: z.string().min(1),
  /** Normalised fragments, any of which identifies the row (most specific rows are tried first). */
  keys: z.array(z.string().min(1)).min(1),
  /** Match only when the label, numbering removed, equals a key (for short words such as 其他). */
  exact: z.boolean().default(false),
  parent: z.string().optional(),
  /** A heading row that carries no values. */
  group: z.boolean().default(false),
  formats: z.array(FormatVersion).min(1),
  meaning: Localized,
  basis: Basis,
});
export type RowSpec = z.infer<typeof RowSpec>;

export const Table1ItemSpec = z.object({
  item: z.number().int().min(1).max(15),
  columns: z.array(ColumnSpec).min(1),
  rows: z.array(RowSpec).min(1),
});
export type Table1ItemSpec = z.infer<typeof Table1ItemSpec>;

export const IdentitySpec = z.object({
  id: z.string().regex(/^I\d$/),
  rule: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  relation: Localized,
  scope: Localized,
  severity: z.enum(['error', 'warning', 'info']),
});
export type IdentitySpec = z.infer<typeof IdentitySpec>;

export const TableSpec = z.object({
  id: z.enum(['table1', 'table2', 'table3']),
  number: z.number().int().min(1).max(3),
  title: z.string().min(1),
  titleEn: z.string().min(1),
  section: z.number().int().min(1).max(6),
});
export type TableSpec = z.infer<typeof TableSpec>;

export const FormatSpec = z.object({
  formats: z.record(FormatVersion, z.object({ document: z.string(), usedFor: Localized, firstYear: z.number().int(), lastYear: z.number().int().nullable() })),
  articles: z.array(ArticleSpec).min(1),
  sections: z.array(SectionSpec).length(6),
  tables: z.array(TableSpec).length(3),
  table1: z.object({ '2019': z.array(Table1ItemSpec), '2021': z.array(Table1ItemSpec) }),
  table2: z.object({ columns: z.array(ColumnSpec).length(7), rows: z.array(RowSpec), cornerNote: z.string() }),
  table3: z.object({ groups: z.array(z.object({ id: z.string(), label: z.string(), en: z.string(), parent: z.string().optional() })).length(3), columns: z.array(ColumnSpec).length(15), rowId: z.string() }),
  identities: z.array(IdentitySpec).min(4),
});
export type FormatSpec = z.infer<typeof FormatSpec>;
