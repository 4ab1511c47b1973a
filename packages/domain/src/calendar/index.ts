export { listCalendar, dueItemsForUser, CALENDAR_LIMIT, todayUtc } from './service.ts';
export { getFeed, createOrRotateFeed, revokeFeed, openFeed } from './feed.ts';
export { KIND_LABELS, itemSummary } from './labels.ts';
export { KIND_PERMISSION, visibilityOf } from './kinds.ts';
export { organizationDueItems } from './reminders.ts';
