// The platform's CSV writer (moved to src/platform/formats/csv.ts so every module's CSV neutralises formulas the
// same way); re-exported here so existing imports keep working.
export { BOM, type Cell, csvCell, csvDocument, csvRow } from '../../platform/formats/csv';
