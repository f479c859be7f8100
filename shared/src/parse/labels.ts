// Moved to format/labels.ts; kept only until every reader imports it from there.
export * from '../format/labels';
