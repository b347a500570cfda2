// Shared view components for list and form pages; modules import from here.
export { ActionLink, PostButton, RowLink } from './actions';
export { AdminFormPage, FormSection, PostForm } from './admin-form-page';
export { AdminListPage, FilterForm } from './admin-list-page';
export { type BulkActions, type Column, DataTable } from './data-table';
export { DescriptionList } from './description-list';
export { PageHead } from './page-head';
export { Pagination } from './pagination';
export * from './paging';
export { StatusBadge, type StatusStyle, type StatusTone, type StatusVocabulary } from './status-badge';
export { Timeline, type TimelineEvent } from './timeline';
