// Moved to the platform (src/platform/views/back-office-frame.tsx): the menu now comes from the module registry.
// This name stays only until every view imports BackOfficeFrame directly.
export { BackOfficeFrame as BackOfficeLayout } from '../../../platform/views/back-office-frame';
